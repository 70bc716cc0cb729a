package io.opsflow.workorder.order;

import java.util.List;

/** A kind of emergency work, e.g. 地面维修: the skills it needs and the checklist to follow. */
public record EmergencyTemplate(String code, String name, List<String> skills, List<String> checklist) {}
