package io.github.camelnavixy.examples.livefeed.page;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The live fleet page: an HTTP server from camel-platform-http-vertx (on the Vert.x of the registry, which the
 * navixy component uses too) with
 * <ul>
 * <li>{@code GET /} and {@code GET /fleet-page.js}: the page, served by Camel routes;</li>
 * <li>{@code GET /events}: server-sent events with every tracker, speeding alert and the consumer's connection
 * ({@link FleetView}, {@link FleetEventStream});</li>
 * <li>{@link #TAP_URI}: where the feed route sends each Navixy Exchange for the page;</li>
 * <li>a timer that reads the Navixy consumer's connection once a second and pushes it to the page.</li>
 * </ul>
 * Nothing on the page comes from elsewhere (no tiles, scripts or fonts), so it works offline.
 */
public class FleetPageRoutes extends RouteBuilder {

    /** The feed route sends every Navixy Exchange here (synchronously, so the page sees events in order). */
    public static final String TAP_URI = "direct:fleet-page";

    private final FleetPageSettings settings;
    private final FleetView view = new FleetView();
    private VertxPlatformHttpServer server;

    public FleetPageRoutes(FleetPageSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() throws Exception {
        CamelContext context = getCamelContext();
        int port = FleetPagePort.choose(settings.port(), settings.host());
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(settings.host());
        configuration.setBindPort(port);
        configuration.setPort(port);
        // platform-http's routes find their server's router by port; they read the port from this bean.
        context.getRegistry().bind("fleet-page-http-server", configuration);
        server = new VertxPlatformHttpServer(configuration);
        // Services start in the order added: the server (which binds the router) before the event stream's route.
        context.addService(server);
        context.addService(new EventStreamService(view.stream(), port));

        from("platform-http:/?httpMethodRestrict=GET").routeId("fleet-page-html")
                .setHeader(Exchange.CONTENT_TYPE, constant("text/html; charset=utf-8"))
                .setBody(constant(resource("fleet-page/index.html")));
        from("platform-http:/fleet-page.js?httpMethodRestrict=GET").routeId("fleet-page-script")
                .setHeader(Exchange.CONTENT_TYPE, constant("text/javascript; charset=utf-8"))
                .setBody(constant(resource("fleet-page/fleet-page.js")));

        from(TAP_URI).routeId("fleet-page-feed")
                .bean(view, "onEvent");

        from("timer:fleet-page-connection?period=1000").routeId("fleet-page-connection")
                .process(exchange -> view.onConnection(ConsumerConnection.read(exchange.getContext())));
    }

    /** The page's address once the context has started, e.g. {@code http://localhost:8080/}. */
    public String url() {
        if (server == null || server.getServer() == null) {
            throw new IllegalStateException("The fleet page has not started");
        }
        String host = settings.host();
        boolean local = host.equals("127.0.0.1") || host.equals("0.0.0.0") || host.equals("::") || host.equals("::1");
        return "http://" + (local ? "localhost" : host) + ":" + server.getPort() + "/";
    }

    /** Streams open now (tests). */
    public int openStreams() {
        return view.stream().clientCount();
    }

    private static String resource(String name) {
        try (InputStream in = FleetPageRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
