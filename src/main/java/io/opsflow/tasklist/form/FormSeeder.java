package io.opsflow.tasklist.form;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads {@code forms/*.json} into the store at start-up. A file becomes a new version only when no
 * stored version of its key has the same content (compared as JSON, so whitespace does not count):
 * restarts and a second node add nothing, and a designer's later version is not overwritten by an
 * unchanged file. Two nodes starting together race on the primary key; the loser's version exists already.
 */
@Component
class FormSeeder implements ApplicationRunner {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(FormSeeder.class);

    private final FormStore store;

    FormSeeder(FormStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        FormFiles.all().forEach(this::seed);
    }

    /** True when the file's content was stored as a new version. */
    boolean seed(String key, String json) {
        var tree = FormJson.tree(json);
        try {
            FormJson.parse(key, tree);
        } catch (InvalidFormException invalid) {
            // Not fatal for the whole application: tasks with this form key show the generic form error.
            log.error("forms/{}.json is not a valid form and was not loaded: {}", key, String.join(" ", invalid.problems().values()));
            return false;
        }
        // The base is read before the content check: a node that stored the file meanwhile makes our save stale.
        int base = store.latestNumber(key);
        boolean known = store.versions(key).stream().anyMatch(v -> FormJson.tree(v.json()).equals(tree));
        if (known) {
            return false;
        }
        try {
            var saved = store.saveAfter(key, base, json, "from forms/" + key + ".json", SYSTEM);
            log.info("Form {} version {} loaded from forms/{}.json", key, saved.version(), key);
            return true;
        } catch (StaleFormException raced) {
            return false;
        }
    }
}
