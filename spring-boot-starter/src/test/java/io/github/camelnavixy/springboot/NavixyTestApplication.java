package io.github.camelnavixy.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal application as users write it: the route names no credentials or URL, they come from
 * camel.component.navixy.* in application.properties.
 */
@SpringBootApplication
public class NavixyTestApplication {

    static final String ROUTE_ID = "navixy-feed";

    /** What the route received, in order. */
    public static class ReceivedEvents {
        final List<Object> bodies = new CopyOnWriteArrayList<>();
    }

    @Bean
    ReceivedEvents receivedEvents() {
        return new ReceivedEvents();
    }

    @Bean
    RouteBuilder navixyRoute(ReceivedEvents received) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("navixy:state_batch?rateLimit=1s").routeId(ROUTE_ID)
                        .process(exchange -> received.bodies.add(exchange.getMessage().getBody()));
            }
        };
    }
}
