package io.github.camelnavixy;

import io.github.camelnavixy.bench.Frames;
import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.protocol.EventMessage;
import io.github.camelnavixy.protocol.MessageDecoder;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Filling Exchanges from one decoded 100-state batch with {@code splitBatch=true} (body and the contract's headers:
 * EventType, SourceId, BatchIndex, BatchSize, UserTime), alone and followed by the route's
 * {@code ${body.gps.location.lat}}, whose OGNL copies the Exchange (headers included) at every step.
 * In this package because {@link EventDeliveries} is package-private. Time per batch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExchangeFillBenchmark {

    private CamelContext camel;
    private NavixyEvent event;
    private Expression lat;

    @Setup
    public void setUp() throws Exception {
        byte[] frame = Frames.stateBatchFrame();
        event = ((EventMessage) new MessageDecoder(ZoneOffset.UTC).decode(frame, 0, frame.length)).event();
        camel = new DefaultCamelContext();
        camel.start();
        lat = camel.resolveLanguage("simple").createExpression("${body.gps.location.lat}");
    }

    @TearDown
    public void tearDown() throws Exception {
        camel.close();
    }

    @Benchmark
    public void fill(Blackhole hole) throws Exception {
        EventDeliveries.forEach(event, true, filler -> {
            Exchange exchange = new DefaultExchange(camel);
            filler.fill(exchange.getMessage());
            hole.consume(exchange);
        });
    }

    @Benchmark
    public void fillAndReadLatitude(Blackhole hole) throws Exception {
        EventDeliveries.forEach(event, true, filler -> {
            Exchange exchange = new DefaultExchange(camel);
            filler.fill(exchange.getMessage());
            hole.consume(lat.evaluate(exchange, Object.class));
        });
    }
}
