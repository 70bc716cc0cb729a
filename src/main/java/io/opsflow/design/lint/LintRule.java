package io.opsflow.design.lint;

import java.util.List;
import org.flowable.bpmn.model.BpmnModel;

/** One Opsflow lint rule over Flowable's model of a file. */
interface LintRule {

    List<Problem> check(BpmnModel model);
}
