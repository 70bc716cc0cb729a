package io.opsflow.workorder.order;

/** One step of a work order's checklist, e.g. 勘察现场, and whether it is done. */
public record ChecklistItem(int position, String text, boolean done) {}
