package io.opsflow.design.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The studio's tables: a model row whose {@code latest_version} is bumped with a compare-and-set (so of
 * two saves based on the same version exactly one wins), and one row per saved version with its XML.
 */
@Component
public class ModelStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    ModelStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public DesignModel create(String name, String processKey, String xml, String user) {
        String id = UUID.randomUUID().toString();
        LocalDateTime now = now();
        jdbc.sql("insert into app_design_model (id, name, process_key, latest_version, created_by, created_at, updated_by, updated_at) "
                        + "values (?, ?, ?, 1, ?, ?, ?, ?)")
                .params(id, name, processKey, user, now, user, now)
                .update();
        insertVersion(id, 1, xml, user, now);
        return find(id).orElseThrow();
    }

    public Optional<DesignModel> find(String id) {
        return jdbc.sql("select * from app_design_model where id = ?").param(id).query(ModelStore::model).optional();
    }

    /** Most recently changed first. */
    public List<DesignModel> list(int limit) {
        return jdbc.sql("select * from app_design_model order by updated_at desc, id fetch first ? rows only")
                .param(limit)
                .query(ModelStore::model)
                .list();
    }

    public Optional<ModelVersion> version(String modelId, int version) {
        return jdbc.sql("select * from app_design_model_version where model_id = ? and version = ?")
                .params(modelId, version)
                .query(ModelStore::version)
                .optional();
    }

    /** Versions without their XML, newest first. */
    public List<ModelVersion> versions(String modelId) {
        return jdbc.sql("select model_id, version, '' as xml, saved_by, saved_at from app_design_model_version where model_id = ? "
                        + "order by version desc")
                .param(modelId)
                .query(ModelStore::version)
                .list();
    }

    /**
     * Stores the XML as the version after {@code baseVersion}, if that is still the latest; returns the
     * new version number, or empty when someone else saved first.
     */
    @Transactional
    public Optional<Integer> saveAfter(String modelId, int baseVersion, String name, String processKey, String xml, String user) {
        LocalDateTime now = now();
        int updated = jdbc.sql("update app_design_model set latest_version = ?, name = ?, process_key = ?, updated_by = ?, updated_at = ? "
                        + "where id = ? and latest_version = ?")
                .params(baseVersion + 1, name, processKey, user, now, modelId, baseVersion)
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        insertVersion(modelId, baseVersion + 1, xml, user, now);
        return Optional.of(baseVersion + 1);
    }

    /** Remembers that a model version became a process definition, with the designer's comment. */
    public void recordDeployment(String modelId, int modelVersion, String deploymentId, String processDefinitionId,
            int definitionVersion, String comment, String user) {
        jdbc.sql("insert into app_design_deployment (id, model_id, model_version, deployment_id, process_definition_id, "
                        + "definition_version, comment, deployed_by, deployed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), modelId, modelVersion, deploymentId, processDefinitionId, definitionVersion,
                        comment, user, now())
                .update();
    }

    /** A deployment made from the studio. */
    public record StudioDeployment(String processDefinitionId, int modelVersion, String comment, String deployedBy, Instant deployedAt) {}

    public Optional<StudioDeployment> deploymentOf(String processDefinitionId) {
        return jdbc.sql("select * from app_design_deployment where process_definition_id = ?")
                .param(processDefinitionId)
                .query((rs, n) -> new StudioDeployment(rs.getString("process_definition_id"), rs.getInt("model_version"),
                        rs.getString("comment"), rs.getString("deployed_by"), instant(rs.getTimestamp("deployed_at"))))
                .optional();
    }

    private void insertVersion(String modelId, int version, String xml, String user, LocalDateTime now) {
        jdbc.sql("insert into app_design_model_version (model_id, version, xml, saved_by, saved_at) values (?, ?, ?, ?, ?)")
                .params(modelId, version, xml, user, now)
                .update();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static DesignModel model(ResultSet rs, int n) throws SQLException {
        return new DesignModel(rs.getString("id"), rs.getString("name"), rs.getString("process_key"), rs.getInt("latest_version"),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")), rs.getString("updated_by"),
                instant(rs.getTimestamp("updated_at")));
    }

    private static ModelVersion version(ResultSet rs, int n) throws SQLException {
        return new ModelVersion(rs.getString("model_id"), rs.getInt("version"), rs.getString("xml"), rs.getString("saved_by"),
                instant(rs.getTimestamp("saved_at")));
    }
}
