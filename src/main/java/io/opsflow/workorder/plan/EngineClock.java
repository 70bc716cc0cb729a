package io.opsflow.workorder.plan;

import java.time.Instant;
import org.flowable.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/** "Now" as the engine's timers see it, so plans and their timers agree (and tests can move both). */
@Component
class EngineClock {

    private final ProcessEngine engine;

    EngineClock(ProcessEngine engine) {
        this.engine = engine;
    }

    Instant now() {
        return engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
    }
}
