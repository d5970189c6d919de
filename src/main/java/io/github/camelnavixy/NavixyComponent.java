package io.github.camelnavixy;

import io.vertx.core.Vertx;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

import java.util.Map;

/**
 * The {@code navixy:} component. Holds the default options that every endpoint copies, and the Vert.x instance the
 * consumers run on: borrowed from the registry when the application has one, otherwise created here and closed on
 * stop.
 */
@Component("navixy")
public class NavixyComponent extends HealthCheckComponent {

    @Metadata
    private NavixyConfiguration configuration = new NavixyConfiguration();
    @Metadata(label = "advanced", autowired = true,
              description = "The Vert.x instance to run on. Default: the single Vertx in the registry, or one the component creates.")
    private Vertx vertx;
    private boolean ownsVertx;
    private int users;

    public NavixyComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        NavixyConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setEventTypes(remaining);
        NavixyEndpoint endpoint = new NavixyEndpoint(uri, this, endpointConfiguration);
        // Remembered before binding consumes them: a subscription option the event types do not take is refused when
        // the URI names it, and ignored when it is a component-wide default.
        endpoint.setUriOptionNames(parameters.keySet());
        setProperties(endpoint, parameters);
        // Validated here, not at start, so that a wrong URI fails when the route is built.
        endpoint.validate();
        return endpoint;
    }

    public NavixyConfiguration getConfiguration() {
        return configuration;
    }

    /** The default options for every endpoint of this component. */
    public void setConfiguration(NavixyConfiguration configuration) {
        this.configuration = configuration;
    }

    public Vertx getVertx() {
        return vertx;
    }

    /** The Vert.x instance to run on. Default: the single Vertx in the registry, or one the component creates. */
    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * The Vert.x instance for a starting consumer. When the component has to create one, it is shared by reference
     * count and closed when the last consumer lets go, so a stopped route leaves no event-loop thread behind.
     */
    synchronized Vertx acquireVertx() {
        if (vertx == null) {
            vertx = Vertx.vertx();
            ownsVertx = true;
        }
        users++;
        return vertx;
    }

    /** A consumer no longer needs Vert.x; closes it if this component created it and nobody else uses it. */
    void releaseVertx() {
        Vertx closing = null;
        synchronized (this) {
            users = Math.max(0, users - 1);
            if (users == 0 && ownsVertx) {
                closing = vertx;
                vertx = null;
                ownsVertx = false;
            }
        }
        if (closing != null) {
            closing.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
