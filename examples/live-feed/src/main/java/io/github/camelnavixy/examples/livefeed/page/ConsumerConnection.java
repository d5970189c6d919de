package io.github.camelnavixy.examples.livefeed.page;

import io.github.camelnavixy.NavixyConsumer;
import io.github.camelnavixy.client.ConnectionSnapshot;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/** Reads the connection of the context's Navixy consumer (the first one, the demo has one) for the page. */
public final class ConsumerConnection {

    private ConsumerConnection() {
    }

    public static ConnectionView read(CamelContext context) {
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof NavixyConsumer consumer) {
                return view(consumer);
            }
        }
        return ConnectionView.none();
    }

    static ConnectionView view(NavixyConsumer consumer) {
        ConnectionSnapshot s = consumer.getConnectionSnapshot();
        String state = consumer.getConnectionState().name();
        if (s == null) {
            return new ConnectionView(consumer.getRouteId(), state, 0, 0, 0, 0, null, 0);
        }
        // lastError is already made safe by the consumer (ServerText: no secrets, no control characters, short).
        return new ConnectionView(consumer.getRouteId(), state, s.failures(), s.reconnects(), s.errors(), s.events(),
                s.lastError(), s.nextRetryMillis());
    }
}
