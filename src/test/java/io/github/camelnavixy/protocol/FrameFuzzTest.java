package io.github.camelnavixy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes framing and decoding with seeded generators: mutations of every fixture (truncation, byte flips, values of
 * the wrong type, deep nesting, huge numbers and strings, invalid UTF-8, nested length prefixes, splices) and random
 * frames. Whatever comes in, the decoder returns a message (possibly with problems) or throws one
 * {@link MalformedFrameException}; nothing else. The seed is printed; rerun one with {@code -Dnavixy.fuzz.seed=…}
 * ({@code -Dnavixy.fuzz.frames=…} changes the count). Budget: 100,000 frames in well under 20 s on two cores.
 */
class FrameFuzzTest {

    private static final int FRAMES = Integer.getInteger("navixy.fuzz.frames", 100_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Fixtures larger than this are mutated byte-wise only (re-serialising their trees would dominate the run). */
    private static final int TREE_MUTATION_LIMIT = 8 * 1024;

    private final List<byte[]> fixtures = loadFixtures();
    private final List<JsonNode> trees = parseSmallTrees(fixtures);

    private final List<Mutation> mutations = List.of(
            new Mutation("truncate", (r, f) -> slice(f, 0, r.nextInt(f.length + 1))),
            new Mutation("flip bytes", this::flipBytes),
            new Mutation("invalid UTF-8", this::insertInvalidUtf8),
            new Mutation("wrong type", (r, f) -> replaceInTree(r, this::wrongType)),
            new Mutation("deep nesting", (r, f) -> replaceInTree(r, FrameFuzzTest::deepValue)),
            new Mutation("huge number", (r, f) -> replaceInTree(r, (q, n) -> NODES.numberNode(hugeNumber(q)))),
            new Mutation("huge string", (r, f) -> replaceInTree(r, (q, n) -> NODES.textNode(hugeString(q)))),
            new Mutation("bad batch items", this::badBatchItems),
            new Mutation("length prefixes", this::lengthPrefixes),
            new Mutation("splice", this::splice),
            new Mutation("random bytes", (r, f) -> randomBytes(r)),
            new Mutation("token soup", (r, f) -> tokenSoup(r)));

    private record Mutation(String name, BiFunction<SplittableRandom, byte[], byte[]> apply) {
    }

    @Test
    void decodesEveryMutatedOrRandomFrameOrReportsItAsMalformed() {
        long seed = Long.getLong("navixy.fuzz.seed", System.nanoTime());
        System.out.println("FrameFuzzTest seed " + seed + " (rerun with -Dnavixy.fuzz.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        MessageDecoder[] decoders = {
            new MessageDecoder(ZoneId.of("America/Guatemala")),
            new MessageDecoder(null, 4096, 5), // small limits, so they are hit often
        };
        int[] clean = new int[mutations.size()];
        int[] withProblems = new int[mutations.size()];
        int[] malformed = new int[mutations.size()];
        long[] nanosBy = new long[mutations.size()];
        List<String> failures = new ArrayList<>();
        long slowestNanos = 0;
        String slowest = "";
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();

        for (int i = 0; i < FRAMES; i++) {
            int m = random.nextInt(mutations.size());
            Mutation mutation = mutations.get(m);
            byte[] fixture = fixtures.get(random.nextInt(fixtures.size()));
            if (fixture.length > TREE_MUTATION_LIMIT && random.nextInt(8) != 0) {
                fixture = fixtures.get(random.nextInt(fixtures.size())); // large ones less often: they cost the most
            }
            byte[] frame = mutation.apply().apply(random, fixture);
            MessageDecoder decoder = decoders[random.nextInt(8) == 0 ? 1 : 0];
            int offset = random.nextBoolean() ? 0 : random.nextInt(1, 16);
            byte[] input = new byte[frame.length + offset + random.nextInt(16)];
            System.arraycopy(frame, 0, input, offset, frame.length);
            long t0 = System.nanoTime();
            try {
                InboundMessage message = random.nextInt(10) == 0
                        ? decoder.decode(new String(frame, StandardCharsets.UTF_8))
                        : decoder.decode(input, offset, frame.length);
                if (message instanceof EventMessage event && !event.problems().isEmpty()) {
                    withProblems[m]++;
                    checkReportedOnce(event, failures, mutation, seed, i);
                } else {
                    clean[m]++;
                }
            } catch (MalformedFrameException e) {
                malformed[m]++;
                checkPrintable(e, failures, mutation, seed, i);
            } catch (Throwable e) {
                failures.add(mutation.name() + " frame " + i + " (seed " + seed + "): " + e + " for "
                              + MalformedFrameException.excerpt(new String(frame, StandardCharsets.UTF_8)));
            }
            long nanos = System.nanoTime() - t0;
            nanosBy[m] += nanos;
            if (nanos > slowestNanos) {
                slowestNanos = nanos;
                slowest = mutation.name() + ", " + frame.length + " bytes";
            }
        }

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        System.out.printf("FrameFuzzTest: %d frames in %d ms wall, %d ms CPU (slowest frame %.1f ms wall: %s)%n",
                FRAMES, elapsedMillis, cpuMillis, slowestNanos / 1e6, slowest);
        for (int m = 0; m < mutations.size(); m++) {
            System.out.printf("  %-16s decoded %6d, with problems %6d, malformed %6d, decoding took %5d ms%n",
                    mutations.get(m).name(), clean[m], withProblems[m], malformed[m], nanosBy[m] / 1_000_000);
        }
        assertTrue(failures.isEmpty(), failures.size() + " frames failed otherwise, first: "
                                       + failures.subList(0, Math.min(5, failures.size())));
        assertEquals(FRAMES, sum(clean) + sum(withProblems) + sum(malformed));
    }

    /** Each problem is reported once: distinct reasons, at most the reported ones plus one summary. */
    private static void checkReportedOnce(EventMessage event, List<String> failures, Mutation mutation, long seed,
            int i) {
        Set<String> reasons = new HashSet<>();
        for (MalformedFrameException problem : event.problems()) {
            if (!reasons.add(problem.reason())) {
                failures.add(mutation.name() + " frame " + i + " (seed " + seed + "): reported twice: "
                             + problem.reason());
            }
            checkPrintable(problem, failures, mutation, seed, i);
        }
        if (event.problems().size() > DataItems.MAX_REPORTED_PROBLEMS + 2) { // + user_time + summary
            failures.add(mutation.name() + " frame " + i + ": " + event.problems().size() + " problems");
        }
    }

    /** Reports are short and free of control characters, whatever the frame held. */
    private static void checkPrintable(MalformedFrameException e, List<String> failures, Mutation mutation, long seed,
            int i) {
        String message = e.getMessage();
        boolean printable = message.chars().noneMatch(Character::isISOControl);
        if (!printable || message.length() > 1200) {
            failures.add(mutation.name() + " frame " + i + " (seed " + seed + "): unsafe message "
                         + message.length() + " chars");
        }
    }

    private static int sum(int[] counts) {
        int s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }

    // ---- byte mutations

    private byte[] flipBytes(SplittableRandom r, byte[] f) {
        byte[] out = f.clone();
        int flips = 1 + r.nextInt(8);
        for (int k = 0; k < flips && out.length > 0; k++) {
            int at = r.nextInt(out.length);
            out[at] = r.nextBoolean() ? (byte) r.nextInt(256) : (byte) (out[at] ^ (1 << r.nextInt(8)));
        }
        return out;
    }

    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
        {0}, {0x1B, '['},
    };

    private byte[] insertInvalidUtf8(SplittableRandom r, byte[] f) {
        // most often inside a string value, where the parser has to decode it
        int quote = indexOfNth(f, (byte) '"', r.nextInt(1 + count(f, (byte) '"')));
        int at = quote >= 0 && r.nextInt(4) != 0 ? quote + 1 : r.nextInt(f.length + 1);
        byte[] bad = INVALID_UTF8[r.nextInt(INVALID_UTF8.length)];
        byte[] out = new byte[f.length + bad.length];
        System.arraycopy(f, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(f, at, out, at + bad.length, f.length - at);
        return out;
    }

    private byte[] lengthPrefixes(SplittableRandom r, byte[] f) {
        String text = new String(f, StandardCharsets.UTF_8);
        int levels = r.nextInt(4) == 0 ? 1 + r.nextInt(3000) : 1 + r.nextInt(3);
        StringBuilder prefixes = new StringBuilder();
        int length = text.length();
        List<Integer> lengths = new ArrayList<>();
        for (int k = 0; k < levels; k++) {
            lengths.add(r.nextInt(5) == 0 ? r.nextInt(1_000_000) : length); // mostly exact, sometimes wrong
            length += String.valueOf(lengths.get(k)).length() + 1;
        }
        for (int k = levels - 1; k >= 0; k--) {
            prefixes.append(lengths.get(k)).append('|');
        }
        return (prefixes + text).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] splice(SplittableRandom r, byte[] f) {
        byte[] other = fixtures.get(r.nextInt(fixtures.size()));
        int cut = r.nextInt(f.length + 1);
        int from = r.nextInt(other.length + 1);
        byte[] out = new byte[cut + other.length - from];
        System.arraycopy(f, 0, out, 0, cut);
        System.arraycopy(other, from, out, cut, other.length - from);
        return out;
    }

    private static byte[] randomBytes(SplittableRandom r) {
        byte[] out = new byte[r.nextInt(300)];
        for (int k = 0; k < out.length; k++) {
            out[k] = (byte) (r.nextBoolean() ? r.nextInt(32, 127) : r.nextInt(256));
        }
        return out;
    }

    private static final String[] TOKENS = {
        "{", "}", "[", "]", ",", ":", "\"type\"", "\"event\"", "\"data\"", "\"state_batch\"", "\"readings_batch\"",
        "\"iot_monitor\"", "\"state\"", "\"source_state_event\"", "\"readings_event\"", "\"lifecycle_event\"",
        "\"response\"", "\"error\"", "\"user_time\"", "\"tracker_id\"", "\"source_id\"", "\"iot_last_values\"",
        "\"10284\"", "1", "-0.5e7", "1e999", "null", "true", "\"x\"", "\"2025-10-08T18:31:20-06:00\"", " ", "X", "|",
    };

    private static byte[] tokenSoup(SplittableRandom r) {
        StringBuilder b = new StringBuilder(r.nextBoolean() ? "{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[" : "");
        int n = r.nextInt(80);
        for (int k = 0; k < n; k++) {
            b.append(TOKENS[r.nextInt(TOKENS.length)]);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- tree mutations (on the small fixtures)

    private byte[] replaceInTree(SplittableRandom r, BiFunction<SplittableRandom, JsonNode, JsonNode> replacement) {
        JsonNode root = trees.get(r.nextInt(trees.size())).deepCopy();
        List<Slot> slots = new ArrayList<>();
        collectSlots(root, slots);
        if (!slots.isEmpty()) {
            Slot slot = slots.get(r.nextInt(slots.size()));
            slot.set(replacement.apply(r, slot.get()));
        }
        return write(root);
    }

    /** A field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collectSlots(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                slots.add(new Slot(node, e.getKey(), -1));
                collectSlots(e.getValue(), slots);
            }
        } else if (node.isArray()) {
            for (int k = 0; k < node.size(); k++) {
                slots.add(new Slot(node, null, k));
                collectSlots(node.get(k), slots);
            }
        }
    }

    private JsonNode wrongType(SplittableRandom r, JsonNode current) {
        return switch (r.nextInt(14)) {
            case 0 -> NODES.textNode("fast");
            case 1 -> NODES.numberNode(-1);
            case 2 -> NODES.numberNode(Long.MAX_VALUE);
            case 3 -> NODES.numberNode(1e308);
            case 4 -> NODES.booleanNode(r.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.objectNode();
            case 7 -> NODES.arrayNode();
            case 8 -> NODES.objectNode().put("type", r.nextBoolean() ? "sensor_event" : "lifecycle_event");
            case 9 -> NODES.textNode("2025-13-45 99:99:99");
            case 10 -> NODES.textNode("line\nbreak\u0000\u202e\u2028");
            case 11 -> NODES.arrayNode().add(1).add("two").add(NODES.objectNode());
            case 12 -> NODES.objectNode().set("state", current == null ? NODES.nullNode() : current);
            default -> NODES.textNode(current == null ? "" : current.toString());
        };
    }

    private static JsonNode deepValue(SplittableRandom r, JsonNode current) {
        int depth = 1 + r.nextInt(120);
        JsonNode node = current == null ? NODES.nullNode() : current;
        for (int k = 0; k < depth; k++) {
            node = r.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    private static BigInteger hugeNumber(SplittableRandom r) {
        StringBuilder digits = new StringBuilder("9");
        int n = r.nextInt(300);
        for (int k = 0; k < n; k++) {
            digits.append((char) ('0' + r.nextInt(10)));
        }
        return new BigInteger(r.nextBoolean() ? digits.toString() : "-" + digits);
    }

    private static String hugeString(SplittableRandom r) {
        // rarely beyond the string limit (that costs a megabyte), usually long but within it
        int length = r.nextInt(200) == 0 ? 1_000_001 + r.nextInt(10) : r.nextInt(8_000);
        return "é".repeat(length / 2) + "x".repeat(length - length / 2);
    }

    /** A batch whose items are random mixes of good and broken ones. */
    private byte[] badBatchItems(SplittableRandom r, byte[] f) {
        String[] items = {
            "{\"state\":{\"source_id\":1,\"gps\":{\"speed\":\"fast\"}},\"type\":\"source_state_event\"}",
            "{\"state\":{\"source_id\":2},\"type\":\"source_state_event\"}",
            "{\"type\":\"sensor_event\",\"x\":[1,{\"y\":2}]}",
            "{\"state\":{\"source_id\":3},\"type\":\"readings_event\"}",
            "{\"tracker_id\":4,\"timestamp\":\"never\",\"type\":\"readings_event\"}",
            "{\"type\":\"lifecycle_event\",\"source_id\":5,\"lifecycle_event\":\"block\"}",
            "{\"source_id\":99999999999999999999999}", "{\"type\":7}", "{\"state\":[]}", "12", "\"s\"", "[1,[2]]",
            "null", "{}", "{\"10\":{\"counters\":\"x\"},\"11\":{}}", "{\"tracker_id\":6,\"inputs\":{\"a\":1}}",
        };
        StringBuilder b = new StringBuilder("{\"type\":\"event\",\"event\":\"")
                .append(r.nextBoolean() ? "state_batch" : r.nextBoolean() ? "readings_batch" : "iot_monitor")
                .append("\",\"data\":[");
        int n = r.nextInt(24);
        for (int k = 0; k < n; k++) {
            b.append(k == 0 ? "" : ",").append(items[r.nextInt(items.length)]);
        }
        String body = b.append("]}").toString();
        if (r.nextBoolean()) { // the observed order: data first
            int data = body.indexOf(",\"data\":");
            body = "{" + body.substring(data + 1, body.length() - 1) + "," + body.substring(1, data) + "}";
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    // ---- helpers

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] slice(byte[] f, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(f, from, out, 0, out.length);
        return out;
    }

    private static int count(byte[] f, byte b) {
        int n = 0;
        for (byte x : f) {
            n += x == b ? 1 : 0;
        }
        return n;
    }

    private static int indexOfNth(byte[] f, byte b, int nth) {
        int seen = 0;
        for (int k = 0; k < f.length; k++) {
            if (f[k] == b && seen++ == nth) {
                return k;
            }
        }
        return -1;
    }

    private static List<byte[]> loadFixtures() {
        try (Stream<Path> files = Files.list(Path.of(FrameFuzzTest.class.getResource("/fixtures").toURI()))) {
            List<byte[]> out = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                out.add(Files.readAllBytes(file));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> parseSmallTrees(List<byte[]> fixtures) {
        List<JsonNode> out = new ArrayList<>();
        for (byte[] f : fixtures) {
            if (f.length <= TREE_MUTATION_LIMIT) {
                try {
                    out.add(JSON.readTree(f));
                } catch (IOException e) {
                    // not JSON (a deliberately broken sample): mutated byte-wise only
                }
            }
        }
        return out;
    }
}
