package io.github.camelnavixy.examples.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * The fleet's tracker states, one line per vehicle and batch, and an alert when one goes faster than 80 km/h.
 *
 * <p>Camel Quarkus finds this class by itself (it is a {@code RouteBuilder} on the application's class path). The URI
 * names only what to subscribe to: credentials, server and rate limit come from {@code camel.component.navixy.*} in
 * {@code application.properties}.
 */
public class FleetRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("navixy:state_batch").routeId("fleet")
            .choice()
                .when(simple("${header.CamelNavixyEventType} != 'state_batch'"))
                    // lifecycle (a tracker blocked, unblocked or removed) or logout
                    .log("${header.CamelNavixyEventType}: ${body}")
                .when(simple("${body.gps.speed} > 80"))
                    .log("SPEEDING source ${body.sourceId}: ${body.gps.speed} km/h"
                            + " at ${body.gps.location.lat}, ${body.gps.location.lng}").id("speeding-alert")
                .otherwise()
                    .log(org.apache.camel.LoggingLevel.DEBUG,
                            "source ${body.sourceId}: ${body.movementStatus}, ${body.gps.speed} km/h")
            .end();
    }
}
