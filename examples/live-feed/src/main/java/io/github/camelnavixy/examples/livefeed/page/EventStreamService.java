package io.github.camelnavixy.examples.livefeed.page;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Puts {@code GET /events} on the router of Camel's platform-http server. A Camel route answers one request with one
 * response; a server-sent event stream stays open, so it is a Vert.x route next to the Camel ones, on the same server
 * and the same Vert.x.
 */
final class EventStreamService extends ServiceSupport implements CamelContextAware {

    static final String PATH = "/events";

    private final FleetEventStream stream;
    private final int port;
    private CamelContext context;

    EventStreamService(FleetEventStream stream, int port) {
        this.stream = stream;
        this.port = port;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    @Override
    public void setCamelContext(CamelContext context) {
        this.context = context;
    }

    @Override
    protected void doStart() {
        // the server binds its router under a name made from its port (and fails the lookup if there is none)
        VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port))
                .get(PATH).handler(stream);
    }

    @Override
    protected void doStop() {
        stream.closeAll();
    }
}
