package io.opsflow.workorder.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a work order went to whom, as the JSON stored with the order: the rule, the weights, the
 * chosen user and the best candidates with their score parts (at most {@code limit}; the total is kept).
 */
public final class Explanation {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Explanation() {}

    public static String of(Ranking ranking, String chosen, int limit, Instant at) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", ranking.rule());
        json.put("requiredSkills", ranking.requiredSkills());
        json.put("weights", ranking.weights());
        json.put("chosen", chosen);
        json.put("candidateCount", ranking.candidateCount());
        json.put("candidates", ranking.candidates().stream().limit(Math.max(0, limit)).toList());
        json.put("computedAt", at.toString());
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
