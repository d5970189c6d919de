package io.github.camelnavixy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The hand-rolled alternative: bare Vert.x, Jackson to {@code Map}, and each item sent with a {@code ProducerTemplate}
 * (from the event loop, as such code usually does) into a route that reads {@code ${body[gps][location][lat]}}.
 */
final class HandRolledClient implements BenchClient {

    private static final String SENT = "sentMicros";

    private final RawSocket socket = new RawSocket();
    private final ObjectReader reader = new ObjectMapper().readerFor(Map.class);
    private CamelContext camel;

    @Override
    @SuppressWarnings("unchecked")
    public void start(String webSocketUrl, String apiKey, StateRecorder recorder) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:states")
                        .setProperty("lat", simple("${body[gps][location][lat]}"))
                        .process(e -> recorder.record(recorder.timed() ? e.getMessage().getHeader(SENT, Long.class) : 0));
            }
        });
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        Endpoint states = camel.getEndpoint("direct:states");
        socket.connect(webSocketUrl, apiKey, bytes -> {
            Map<String, Object> root;
            try {
                root = reader.readValue(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!"state_batch".equals(root.get("event"))) {
                return;
            }
            Long sent = recorder.timed() ? StateRecorder.micros(Instant.parse((String) root.get("user_time"))) : null;
            for (Object item : (List<Object>) root.get("data")) {
                Object state = ((Map<String, Object>) item).get("state");
                if (sent == null) {
                    template.sendBody(states, state);
                } else {
                    template.sendBodyAndHeader(states, state, SENT, sent);
                }
            }
        });
    }

    @Override
    public void close() throws Exception {
        socket.close();
        if (camel != null) {
            camel.close();
        }
    }
}
