package io.github.camelnavixy.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Every tracker state of the fleet, turned into two kinds of alert: a vehicle over the speed limit, and a tracker
 * blocked, unblocked or removed. The endpoint names no account: the API key and the server come from
 * camel.component.navixy.* in application.properties.
 *
 * <p>Alerts are logged and sent to {@code fleet.alerts-uri} with the typed event as body (a TrackerState or a
 * LifecycleChange) and the kind in the {@value #ALERT_HEADER} header; point it at Kafka, JMS, a webhook...
 */
@Component
public class FleetAlertsRoute extends RouteBuilder {

    public static final String ROUTE_ID = "fleet-alerts";
    public static final String ALERT_HEADER = "FleetAlert";

    @Override
    public void configure() {
        from("navixy:state_batch?rateLimit={{fleet.rate-limit}}").routeId(ROUTE_ID)
            .choice()
                // Lifecycle events come on every subscription; their body has no gps, hence the type check first.
                .when(simple("${header.CamelNavixyEventType} == 'lifecycle'"))
                    .setHeader(ALERT_HEADER, constant("lifecycle"))
                    .log("LIFECYCLE source ${body.sourceId}: ${body.lifecycleEvent}")
                    .to("{{fleet.alerts-uri}}")
                .when(simple("${header.CamelNavixyEventType} == 'state_batch' && ${body.gps.speed} > {{fleet.speed-limit}}"))
                    .setHeader(ALERT_HEADER, constant("speeding"))
                    .log("SPEEDING  source ${body.sourceId}: ${body.gps.speed} km/h"
                            + " at ${body.gps.location.lat}, ${body.gps.location.lng}")
                    .to("{{fleet.alerts-uri}}")
            .end();
    }
}
