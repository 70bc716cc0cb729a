package io.opsflow.tasklist;

import java.util.Set;

/**
 * The task list's process diagram for other modules: inline SVG drawn from the diagram interchange of
 * a deployed process definition, with current and passed elements marked. Every name in it is escaped,
 * so the markup may be written into a page as it is.
 */
public interface ProcessDiagrams {

    /**
     * @param active element ids that are current (outlined, class {@code shape active})
     * @param completed element ids already passed (tinted, class {@code shape completed})
     * @return the {@code <svg>} markup, or an empty string when the BPMN has no diagram interchange
     */
    String svg(String processDefinitionId, Set<String> active, Set<String> completed);
}
