package io.opsflow.engine;

/** A file in {@code processes/} that Flowable refuses to deploy. */
public class InvalidProcessFileException extends RuntimeException {

    private final String file;
    private final String problem;

    public InvalidProcessFileException(String file, String problem, Throwable cause) {
        super(file + " is not a valid BPMN process: " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String problem() {
        return problem;
    }
}
