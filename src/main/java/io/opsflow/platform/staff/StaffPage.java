package io.opsflow.platform.staff;

import java.util.List;

/** One page of the staff list; pages count from 0. */
public record StaffPage(List<StaffMember> items, int page, int size, long total, int pages) {}
