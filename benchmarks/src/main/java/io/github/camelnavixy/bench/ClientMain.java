package io.github.camelnavixy.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One client in a JVM of its own (forked by {@link SideBySide}), so that process CPU time is this client's alone.
 * Prints one {@code RESULT} line.
 * <pre>
 * flood &lt;client&gt; &lt;url&gt; &lt;key&gt; &lt;warm-up states&gt; &lt;round states&gt;
 * rate  &lt;client&gt; &lt;url&gt; &lt;key&gt; &lt;warm-up states&gt; &lt;expected states&gt; &lt;timeout s&gt;
 * </pre>
 */
public final class ClientMain {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ClientMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        BenchClient client = BenchClient.named(args[1]);
        long warmup = Long.parseLong(args[4]);
        long target = Long.parseLong(args[5]);
        boolean rate = "rate".equals(mode);
        StateRecorder recorder = new StateRecorder(rate ? (int) target : 0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(rate ? Long.parseLong(args[6]) : 300);
        client.start(args[2], args[3], recorder);
        if (!await(recorder::count, warmup, deadline)) {
            fail("warm-up not reached: " + recorder.count() + " of " + warmup);
        }
        long c0 = recorder.count();
        long t0 = System.nanoTime();
        long cpu0 = OS.getProcessCpuTime();
        long goal = rate ? target : c0 + target;
        boolean complete = await(recorder::count, goal, deadline);
        long t1 = System.nanoTime();
        long cpu1 = OS.getProcessCpuTime();
        long c1 = recorder.count();
        if (!rate && !complete) {
            fail("round not finished: " + (c1 - c0) + " of " + target);
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "RESULT states=%d nanos=%d cpu=%d",
                c1 - c0, t1 - t0, cpu1 - cpu0));
        if (rate) {
            long[] lat = recorder.sortedLatencies(c0, c1);
            System.gc();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            out.append(String.format(Locale.ROOT, " received=%d p50=%d p99=%d max=%d heap=%d", c1,
                    percentile(lat, 0.50), percentile(lat, 0.99), lat.length == 0 ? -1 : lat[lat.length - 1], heap));
        }
        System.out.println(out);
        System.out.flush();
        System.exit(0); // no orderly stop: the load server drops the socket (exit still lets a flight recording be written)
    }

    private static long percentile(long[] sorted, double q) {
        return sorted.length == 0 ? -1 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    /** Polls (this is the harness thread, not the client's) until the count reaches {@code goal} or time is up. */
    static boolean await(LongSupplier count, long goal, long deadlineNanos) throws InterruptedException {
        while (count.getAsLong() < goal) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private static void fail(String message) {
        System.out.println("FAILED " + message);
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }
}
