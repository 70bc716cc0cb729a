package io.opsflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every {@code processes/*.bpmn20.xml} at start-up, one deployment per file. Flowable's
 * duplicate filtering makes an unchanged file produce no new version, and a database lock keeps
 * nodes that start together from deploying the same file twice. An invalid file stops start-up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessDeployer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
    private static final String LOCK_NAME = "opsflow-process-deployment";
    private static final Pattern CLASS_NAME_PREFIX = Pattern.compile("([a-z]\\w*\\.)+\\w*(Exception|Error):\\s*");

    private final RepositoryService repositoryService;
    private final ManagementService managementService;
    private final EngineProperties properties;

    ProcessDeployer(RepositoryService repositoryService, ManagementService managementService, EngineProperties properties) {
        this.repositoryService = repositoryService;
        this.managementService = managementService;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<Resource> files = processFiles();
        managementService
                .getLockManager(LOCK_NAME)
                .waitForLockRunAndRelease(Duration.ofMinutes(2), () -> {
                    files.forEach(this::deploy);
                    return null;
                });
        log.info("Checked {} process file(s) from {}", files.size(), properties.processesLocation());
    }

    private List<Resource> processFiles() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver()
                .getResources(properties.processesLocation() + "**/*.bpmn20.xml");
        return Arrays.stream(found)
                .sorted(Comparator.comparing(Resource::getFilename))
                .toList();
    }

    private void deploy(Resource file) {
        String name = file.getFilename();
        try (InputStream xml = file.getInputStream()) {
            var deployment = repositoryService
                    .createDeployment()
                    .name(name)
                    .category("opsflow")
                    .addInputStream(name, xml)
                    .enableDuplicateFiltering()
                    .deploy();
            log.debug("Process file {} is deployment {}", name, deployment.getId());
        } catch (IOException e) {
            throw new InvalidProcessFileException("processes/" + name, "cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) { // parse, schema and validation errors all surface as runtime exceptions
            throw new InvalidProcessFileException("processes/" + name, problemOf(e), e);
        }
    }

    /** The innermost message, without the class names the XML stack prefixes to it. */
    static String problemOf(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : CLASS_NAME_PREFIX.matcher(message).replaceAll("").trim();
    }
}
