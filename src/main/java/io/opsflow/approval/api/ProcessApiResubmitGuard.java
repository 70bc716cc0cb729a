package io.opsflow.approval.api;

import io.opsflow.approval.run.ApprovalAccess;
import io.opsflow.approval.run.ApprovalDefinitions;
import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.JsonErrors;
import java.lang.reflect.Type;
import java.util.Map;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.rest.service.api.form.FormDataResource;
import org.flowable.rest.service.api.form.SubmitFormRequest;
import org.flowable.rest.service.api.runtime.task.TaskActionRequest;
import org.flowable.rest.service.api.runtime.task.TaskResource;
import org.flowable.task.api.Task;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Completing an approval's starter task through {@code /process-api} (the task action {@code complete}, or its task
 * form submitted) would resubmit it with any variables: no form check, no timeline entry, no outcome. It is refused
 * with 403 naming {@code POST /api/v1/approvals/tasks/{t}/resubmit}, which checks (decision 0078), before the request
 * touches the task. A task the caller may not see is left to the access interceptor (404).
 */
@RestControllerAdvice(assignableTypes = {TaskResource.class, FormDataResource.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessApiResubmitGuard extends RequestBodyAdviceAdapter {

    private final TaskService taskService;
    private final HistoryService historyService;
    private final ApprovalAccess access;

    ProcessApiResubmitGuard(TaskService taskService, HistoryService historyService, ApprovalAccess access) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.access = access;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == TaskActionRequest.class || targetType == SubmitFormRequest.class;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        String taskId = body instanceof SubmitFormRequest form ? form.getTaskId()
                : body instanceof TaskActionRequest action && TaskActionRequest.ACTION_COMPLETE.equals(action.getAction()) ? pathTaskId()
                : null;
        if (taskId != null && isVisibleStarterTask(taskId)) {
            throw new Refused(taskId);
        }
        return body;
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<Map<String, Object>> refused(Refused e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
                .body(JsonErrors.body(403, HttpStatus.FORBIDDEN.getReasonPhrase(), e.getMessage()));
    }

    private boolean isVisibleStarterTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null || !ApprovalDefinitions.STARTER_NODE.equals(task.getTaskDefinitionKey())
                || !access.isApproval(task.getProcessDefinitionId())) {
            return false;
        }
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance != null && access.maySee(instance, CurrentUser.required());
    }

    /** {@code taskId} of {@code /runtime/tasks/{taskId}}: the handler mapping has set it before the body is read. */
    private static String pathTaskId() {
        Object variables = RequestContextHolder.currentRequestAttributes()
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return variables instanceof Map<?, ?> map && map.get("taskId") instanceof String id ? id : null;
    }

    static final class Refused extends RuntimeException {

        Refused(String taskId) {
            super("This approval was returned to its starter: resubmit it with POST /api/v1/approvals/tasks/" + shown(taskId)
                    + "/resubmit, which checks the values against the approval's form, or cancel it. It is not completed"
                    + " through /process-api.");
        }

        private static String shown(String id) {
            return id.length() > 64 ? id.substring(0, 64) + "…" : id;
        }
    }
}
