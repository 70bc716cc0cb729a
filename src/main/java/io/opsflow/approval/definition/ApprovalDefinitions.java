package io.opsflow.approval.definition;

import io.opsflow.approval.ApprovalConventions;
import io.opsflow.approval.assignee.People;
import io.opsflow.approval.bpmn.BpmnGenerator;
import io.opsflow.approval.bpmn.GeneratedBpmnCheck;
import io.opsflow.approval.model.InvalidModelException;
import io.opsflow.approval.model.ModelJson;
import io.opsflow.approval.model.ModelValidator;
import io.opsflow.approval.model.SimpleModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowable.engine.RepositoryService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored simple models: drafts saved with an optimistic version (a stale save is a 409), validated
 * (model rules, then Flowable's validator on the generated BPMN), and published as a new deployment
 * of {@code approval-<code>} whose BPMN and simple model are kept per version.
 */
@Service
public class ApprovalDefinitions {

    private static final String DRAFT_COLUMNS = "code, name, draft_json, version, published_version, updated_by, updated_at";
    private static final String VERSION_COLUMNS = "code, version, deployment_id, process_definition_id, published_by, published_at";

    private final JdbcTemplate jdbc;
    private final RepositoryService repositoryService;
    private final ModelValidator validator;

    ApprovalDefinitions(JdbcTemplate jdbc, RepositoryService repositoryService, People people) {
        this.jdbc = jdbc;
        this.repositoryService = repositoryService;
        this.validator = new ModelValidator(people);
    }

    public List<Draft> list() {
        return jdbc.query("select " + DRAFT_COLUMNS + " from app_approval_model order by code", ApprovalDefinitions::draft);
    }

    public Optional<Draft> find(String code) {
        return jdbc.query("select " + DRAFT_COLUMNS + " from app_approval_model where code = ?", ApprovalDefinitions::draft, code)
                .stream().findFirst();
    }

    public Draft get(String code) {
        return find(code).orElseThrow(() -> new UnknownDefinitionException(code));
    }

    @Transactional
    public Draft create(SimpleModel model, String by) {
        requireSavable(model);
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.update("insert into app_approval_model (code, name, draft_json, version, created_by, created_at, updated_by, updated_at)"
                    + " values (?, ?, ?, 1, ?, ?, ?, ?)", model.code(), model.name(), ModelJson.write(model), by, now, by, now);
        } catch (DuplicateKeyException e) {
            throw new DefinitionConflictException("An approval with code '" + model.code() + "' exists already.");
        }
        return get(model.code());
    }

    /** Saves the draft if it is still at {@code expectedVersion}; 409 when someone saved in between. */
    @Transactional
    public Draft update(String code, int expectedVersion, SimpleModel model, String by) {
        if (!code.equals(model.code())) {
            throw new InvalidModelException("the code in the model must match the path");
        }
        requireSavable(model);
        int updated = jdbc.update("update app_approval_model set name = ?, draft_json = ?, version = version + 1, updated_by = ?,"
                + " updated_at = ? where code = ? and version = ?", model.name(), ModelJson.write(model), by,
                Timestamp.from(Instant.now()), code, expectedVersion);
        if (updated == 0) {
            Draft current = get(code);
            throw new DefinitionConflictException("The approval '" + code + "' was changed by " + current.updatedBy()
                    + " (now version " + current.version() + ", you edited version " + expectedVersion + "); reload it.");
        }
        return get(code);
    }

    /** Every problem that would stop publishing, empty when the model can be published. */
    public List<String> problems(SimpleModel model) {
        List<String> problems = new ArrayList<>(validator.problems(model));
        if (problems.isEmpty()) {
            problems.addAll(GeneratedBpmnCheck.problems(BpmnGenerator.xml(model, processKey(model.code()))));
        }
        return problems;
    }

    /** The BPMN the model generates; 400 with the problems when it is not valid. */
    public String bpmnOf(SimpleModel model) {
        validator.check(model);
        String xml = BpmnGenerator.xml(model, processKey(model.code()));
        GeneratedBpmnCheck.check(xml);
        return xml;
    }

    @Transactional
    public PublishedVersion publish(String code, Integer expectedVersion, String by) {
        Draft draft = get(code);
        if (expectedVersion != null && expectedVersion != draft.version()) {
            throw new DefinitionConflictException("The approval '" + code + "' is at version " + draft.version()
                    + ", not " + expectedVersion + "; reload it before publishing.");
        }
        String xml = bpmnOf(draft.model());
        String key = processKey(code);
        String json = ModelJson.write(draft.model());
        var deployment = repositoryService.createDeployment()
                .name(key)
                .category(ApprovalConventions.CATEGORY)
                .addString(key + ".bpmn20.xml", xml)
                .addString(key + ".simple.json", json)
                .deploy();
        var definition = repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
        Integer last = jdbc.queryForObject("select max(version) from app_approval_model_version where code = ?", Integer.class, code);
        int version = last == null ? 1 : last + 1;
        Instant now = Instant.now();
        try {
            jdbc.update("insert into app_approval_model_version (code, version, model_json, bpmn_xml, deployment_id,"
                    + " process_definition_id, published_by, published_at) values (?, ?, ?, ?, ?, ?, ?, ?)", code, version, json,
                    xml, deployment.getId(), definition.getId(), by, Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw new DefinitionConflictException("The approval '" + code + "' was published by someone else at the same time.");
        }
        jdbc.update("update app_approval_model set published_version = ? where code = ?", version, code);
        return new PublishedVersion(code, version, key, definition.getId(), deployment.getId(), by, now);
    }

    public List<PublishedVersion> versions(String code) {
        get(code);
        return jdbc.query("select " + VERSION_COLUMNS + " from app_approval_model_version where code = ? order by version desc",
                ApprovalDefinitions::version, code);
    }

    /** The BPMN of a published version (the latest when {@code version} is null). */
    public String publishedBpmn(String code, Integer version) {
        return publishedColumn(code, version, "bpmn_xml");
    }

    public SimpleModel publishedModel(String code, Integer version) {
        return ModelJson.read(publishedColumn(code, version, "model_json"));
    }

    private String publishedColumn(String code, Integer version, String column) {
        List<String> found = version == null
                ? jdbc.queryForList("select " + column + " from app_approval_model_version where code = ? order by version desc"
                        + " fetch first 1 rows only", String.class, code)
                : jdbc.queryForList("select " + column + " from app_approval_model_version where code = ? and version = ?",
                        String.class, code, version);
        if (found.isEmpty()) {
            throw new UnknownDefinitionException(code + (version == null ? " (not published)" : " version " + version));
        }
        return found.get(0);
    }

    public static String processKey(String code) {
        return ApprovalConventions.keyOf(code);
    }

    private static void requireSavable(SimpleModel model) {
        if (model.code() == null || model.code().length() > 50 || !ModelValidator.CODE.matcher(model.code()).matches()) {
            throw new InvalidModelException("code must be kebab-case (a-z, 0-9 and '-'), at most 50 characters");
        }
        if (model.name() == null || model.name().isBlank() || model.name().length() > 200) {
            throw new InvalidModelException("name is required (at most 200 characters)");
        }
    }

    private static Draft draft(ResultSet rs, int row) throws SQLException {
        int published = rs.getInt("published_version");
        Integer publishedVersion = rs.wasNull() ? null : published; // wasNull speaks of the last column read only
        return new Draft(rs.getString("code"), rs.getString("name"), rs.getInt("version"), ModelJson.read(rs.getString("draft_json")),
                publishedVersion, rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }

    private static PublishedVersion version(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("code");
        return new PublishedVersion(code, rs.getInt("version"), processKey(code), rs.getString("process_definition_id"),
                rs.getString("deployment_id"), rs.getString("published_by"), rs.getTimestamp("published_at").toInstant());
    }
}
