package io.github.camelnavixy.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application that watches a Navixy fleet: see {@link FleetAlertsRoute} and application.properties. */
@SpringBootApplication
public class FleetAlertsApplication {

    public static void main(String[] args) {
        SpringApplication.run(FleetAlertsApplication.class, args);
    }
}
