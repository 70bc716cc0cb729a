package io.opsflow.workorder.order;

import java.time.Instant;
import java.util.List;

/** What a new work order is made of, checked by {@link WorkOrderStore#create}. */
public record NewWorkOrder(
        String title, String templateCode, String location, List<String> skills, List<String> checklist, int priority,
        Instant dueAt, String createdBy) {}
