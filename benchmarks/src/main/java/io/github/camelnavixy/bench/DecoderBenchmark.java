package io.github.camelnavixy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelnavixy.protocol.MessageDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One 100-state {@code state_batch} frame (bytes): the component's decoder to typed items, against a plain Jackson
 * tree parse touching two fields per item (the limit) and a parse to {@code Map} (the hand-rolled route's).
 * Time per frame; divide by 100 for per state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecoderBenchmark {

    private byte[] frame;
    private MessageDecoder decoder;
    private final ObjectReader tree = new ObjectMapper().reader();
    private final ObjectReader map = new ObjectMapper().readerFor(Map.class);

    @Setup
    public void setUp() throws Exception {
        frame = FrameSample.stateBatchFrame();
        decoder = new MessageDecoder(ZoneOffset.UTC);
    }

    @Benchmark
    public Object decoderToTypedItems() {
        return decoder.decode(frame, 0, frame.length);
    }

    @Benchmark
    public double jacksonTreeTwoFields() throws Exception {
        double sum = 0;
        for (JsonNode item : tree.readTree(frame).path("data")) {
            JsonNode state = item.path("state");
            sum += state.path("gps").path("location").path("lat").asDouble() + state.path("source_id").asLong();
        }
        return sum;
    }

    @Benchmark
    public Object jacksonMap() throws Exception {
        return map.readValue(frame);
    }
}
