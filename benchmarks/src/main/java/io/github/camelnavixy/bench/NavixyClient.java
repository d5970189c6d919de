package io.github.camelnavixy.bench;

import io.github.camelnavixy.NavixyConstants;
import io.github.camelnavixy.model.TrackerState;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * camel-navixy. With {@code splitBatch=true} the route reads {@code ${body.gps.location.lat}} once per Exchange (one
 * per state); with {@code splitBatch=false} it gets one {@code List} per frame and reads each item's latitude in a
 * processor, which is what that option is for.
 */
final class NavixyClient implements BenchClient {

    private final boolean splitBatch;
    private CamelContext camel;
    /** Keeps the JIT from dropping the reads. */
    double sink;

    NavixyClient(boolean splitBatch) {
        this.splitBatch = splitBatch;
    }

    @Override
    public void start(String webSocketUrl, String apiKey, StateRecorder recorder) throws Exception {
        camel = new DefaultCamelContext();
        String uri = "navixy:state_batch?apiKey=" + apiKey + "&webSocketUrl=" + webSocketUrl + "&splitBatch=" + splitBatch;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (splitBatch) {
                    from(uri)
                            .setProperty("lat", simple("${body.gps.location.lat}"))
                            .process(e -> recorder.record(recorder.timed() ? sent(e) : 0));
                } else {
                    from(uri).process(e -> {
                        long sent = recorder.timed() ? sent(e) : 0;
                        for (Object item : e.getMessage().getBody(List.class)) {
                            sink += ((TrackerState) item).gps().location().lat();
                            recorder.record(sent);
                        }
                    });
                }
            }
        });
        camel.start();
    }

    private static long sent(Exchange e) {
        return StateRecorder.micros(e.getMessage().getHeader(NavixyConstants.USER_TIME, OffsetDateTime.class));
    }

    @Override
    public void close() throws Exception {
        if (camel != null) {
            camel.close();
        }
    }
}
