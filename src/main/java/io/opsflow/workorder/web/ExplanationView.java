package io.opsflow.workorder.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.workorder.assignment.CandidateScore;
import java.util.List;

/** The stored assignment explanation, read back for the detail page. */
record ExplanationView(String rule, String chosen, int candidateCount, List<CandidateScore> candidates, String computedAt) {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static ExplanationView parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, ExplanationView.class);
        } catch (Exception e) {
            throw new IllegalStateException("stored explanation is not readable", e);
        }
    }
}
