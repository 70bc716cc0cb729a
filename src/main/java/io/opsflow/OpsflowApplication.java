package io.opsflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Opsflow: a BPMN process platform for operations teams, on an embedded Flowable engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpsflowApplication {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        SpringApplication.run(OpsflowApplication.class, args);
    }
}
