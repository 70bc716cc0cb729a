package io.opsflow.design.deploy;

import io.opsflow.design.lint.Problem;
import java.util.List;

/** A deploy refused because validation found errors; nothing was deployed (answered 400 with the problems). */
public class InvalidModelException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidModelException(List<Problem> problems) {
        super("The model has " + problems.stream().filter(Problem::isError).count()
                + " validation error(s); nothing was deployed. Fix them and deploy again.");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
