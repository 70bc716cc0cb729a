package io.opsflow.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad process file into a short start-up failure message instead of a stack trace. */
class InvalidProcessFileFailureAnalyzer extends AbstractFailureAnalyzer<InvalidProcessFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidProcessFileException cause) {
        return new FailureAnalysis(
                "Opsflow did not start: the process file " + cause.file() + " is invalid.\n\n" + cause.problem(),
                "Fix or remove " + cause.file() + " and start again. Validate a file before committing it with "
                        + "POST /process-api/repository/deployments on a test instance.",
                cause);
    }
}
