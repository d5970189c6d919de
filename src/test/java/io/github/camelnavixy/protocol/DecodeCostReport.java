package io.github.camelnavixy.protocol;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Prints what decoding costs: time per frame and per item, bytes allocated per wire byte, and heap retained per wire
 * byte, for a real 100-item {@code state_batch} and for hostile frames built from tiny items. A measurement to run by
 * hand ({@code java -cp … DecodeCostReport}), not a test: nothing here asserts on time.
 */
public final class DecodeCostReport {

    private DecodeCostReport() {
    }

    public static void main(String[] args) {
        byte[] real = Fixtures.bytes("state-batch-observed-100.json");
        int hostileSize = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 20;
        report("real state_batch, 100 observed items", real, 100);
        report("hostile {} items", batchOf("{}", hostileSize), -1);
        report("hostile {\"type\":\"lifecycle_event\"} items", batchOf("{\"type\":\"lifecycle_event\"}", hostileSize), -1);
        report("hostile {\"a\":1} items", batchOf("{\"a\":1}", hostileSize), -1);
        report("hostile {\"source_id\":1} items", batchOf("{\"source_id\":1}", hostileSize), -1);
        report("hostile one item with distinct unknown fields", oneWideItem(hostileSize), -1);
    }

    /**
     * A state_batch whose array repeats one item until the frame has about {@code size} bytes, or the default item cap
     * is reached (beyond it the message is refused, and costs nothing to hold).
     */
    static byte[] batchOf(String item, int size) {
        StringBuilder b = new StringBuilder(size + 64).append("{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[");
        String sep = "";
        for (int n = 0; n < MessageDecoder.DEFAULT_MAX_ITEMS && b.length() + item.length() + 3 < size; n++) {
            b.append(sep).append(item);
            sep = ",";
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] oneWideItem(int size) {
        StringBuilder b = new StringBuilder(size + 64).append("{\"type\":\"event\",\"event\":\"state\",\"data\":{");
        for (int i = 0; b.length() + 16 < size; i++) {
            b.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":0");
        }
        return b.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void report(String name, byte[] frame, int items) {
        MessageDecoder decoder = new MessageDecoder(ZoneOffset.UTC);
        Object last = null;
        // warm up for about two seconds so the JIT has compiled the decode path
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        int warm = 0;
        while (System.nanoTime() < warmEnd) {
            last = decodeOrProblem(decoder, frame);
            warm++;
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // CPU time of this thread, not wall time: the figure should not depend on what else the machine runs
        int runs = Math.max(20, warm / 2);
        long t0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            last = decodeOrProblem(decoder, frame);
        }
        long nanosPerFrame = (threads.getCurrentThreadCpuTime() - t0) / runs;

        long id = Thread.currentThread().getId();
        long a0 = threads.getThreadAllocatedBytes(id);
        last = decodeOrProblem(decoder, frame);
        long allocated = threads.getThreadAllocatedBytes(id) - a0;

        int held = Math.max(2, Math.min(50, (64 << 20) / frame.length));
        Object[] keep = new Object[held];
        long before = usedAfterGc();
        for (int i = 0; i < held; i++) {
            keep[i] = decodeOrProblem(decoder, frame);
        }
        long retained = (usedAfterGc() - before) / held;
        int count = itemCount(keep[0]);
        System.out.printf("%-48s %8d wire bytes %7d items  %9.1f us/frame %7.3f us/item (CPU)  alloc %6.2f B/B"
                          + "  retained %6.2f B/B = %6.1f MB%n",
                name, frame.length, count, nanosPerFrame / 1000.0, count == 0 ? 0 : nanosPerFrame / 1000.0 / count,
                (double) allocated / frame.length, (double) retained / frame.length, retained / 1e6);
        if (last == null || keep[held - 1] == null) {
            throw new IllegalStateException();
        }
    }

    private static Object decodeOrProblem(MessageDecoder decoder, byte[] frame) {
        try {
            return decoder.decode(frame, 0, frame.length);
        } catch (MalformedFrameException e) {
            return e;
        }
    }

    private static int itemCount(Object decoded) {
        return decoded instanceof EventMessage m ? m.event().items().size() : 0;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
