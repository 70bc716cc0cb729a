package io.opsflow.approval.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the form-value tests share: a directory of a few users, and sent values written as name, value pairs. */
final class FormValuesFixtures {

    private FormValuesFixtures() {}

    static Directory users(String... ids) {
        Set<String> known = Set.of(ids);
        return new Directory() {
            @Override
            public boolean userExists(String userId) {
                return known.contains(userId);
            }

            @Override
            public boolean groupExists(String groupId) {
                return false;
            }
        };
    }

    /** A map that keeps the order and takes null values (a field sent as null). */
    static Map<String, Object> sent(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
