package io.opsflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port against the test database: in-memory H2 in the first test
 * pass, a fresh PostgreSQL database in the second (see {@link TestDatabase}). Every integration test
 * uses exactly this annotation so all of them share one Spring context; do not add mocks or
 * per-class properties, or each such class boots its own engine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@ExtendWith(TestDatabase.SkipWhenUnavailable.class)
public @interface OpsflowIntegrationTest {}
