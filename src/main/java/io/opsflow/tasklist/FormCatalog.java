package io.opsflow.tasklist;

import io.opsflow.tasklist.form.FormStore;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The forms other modules may name (the design studio's form-key lint and picker): the keys in the
 * versioned form store, which holds the files of {@code forms/} and every version saved in the designer.
 */
@Component
public class FormCatalog {

    private final FormStore store;

    FormCatalog(FormStore store) {
        this.store = store;
    }

    /** Every form key, sorted. */
    public List<String> keys() {
        return store.keys();
    }

    public boolean exists(String key) {
        return key != null && store.latest(key).isPresent();
    }
}
