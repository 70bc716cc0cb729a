package io.opsflow.approval.print;

import io.opsflow.approval.definition.ApprovalModels;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.approval.run.ApprovalAccess;
import io.opsflow.approval.run.ApprovalDetail;
import io.opsflow.approval.run.ApprovalReads;
import io.opsflow.platform.CurrentUser;
import io.opsflow.printing.PdfPrinter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.idm.api.User;
import org.springframework.stereotype.Component;

/**
 * Prints an approval as a PDF from {@code print-templates/approval.html}. Reading goes through
 * {@link ApprovalReads#detail}, so the caller sees exactly what {@code GET /api/v1/approvals/{id}}
 * would show them (404 otherwise). Printing changes nothing and archives nothing.
 */
@Component
public class ApprovalPrinter {

    static final String TEMPLATE = "approval";

    private final ApprovalReads reads;
    private final ApprovalAccess access;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final PdfPrinter printer;
    private final ApprovalModels models;

    ApprovalPrinter(ApprovalReads reads, ApprovalAccess access, RepositoryService repositoryService, IdentityService identityService,
            PdfPrinter printer, ApprovalModels models) {
        this.models = models;
        this.reads = reads;
        this.access = access;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.printer = printer;
    }

    public byte[] print(String processInstanceId, CurrentUser user) {
        ApprovalDetail detail = reads.detail(processInstanceId, user);
        HistoricProcessInstance instance = access.visible(processInstanceId, user);
        SimpleModel model = models.published(repositoryService.getProcessDefinition(instance.getProcessDefinitionId())).orElse(null);
        boolean seesConfidential = user.isAdmin() || user.id().equals(detail.summary().starter());
        Map<String, String> cache = new HashMap<>();
        ApprovalPrintout printout = ApprovalPrintout.of(detail, model, seesConfidential,
                id -> id == null ? "" : cache.computeIfAbsent(id, this::displayName));
        return printer.render(TEMPLATE, Map.of("a", printout, "printedBy", displayName(user.id()), "printedAt", Instant.now()));
    }

    private String displayName(String id) {
        if (id.startsWith("system")) {
            return id;
        }
        User u = identityService.createUserQuery().userId(id).singleResult();
        if (u == null) {
            return id;
        }
        String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " " + (u.getLastName() == null ? "" : u.getLastName())).strip();
        return name.isEmpty() || name.equals(id) ? id : name + " (" + id + ")";
    }
}
