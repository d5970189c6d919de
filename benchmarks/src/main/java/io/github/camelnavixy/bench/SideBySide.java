package io.github.camelnavixy.bench;

import io.github.camelnavixy.simulator.LoadProfile;
import io.github.camelnavixy.simulator.NavixySimulator;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side benchmark: one simulator in load mode (this JVM), each client in a JVM of its own, on the same
 * frames, in the same run, rounds interleaved so that shared-machine noise spreads over every client alike. Prints
 * the table of docs/performance.md.
 *
 * <p>Options: {@code --rounds N} (3), {@code --round-states N} (1,000,000), {@code --warmup-states N} (500,000),
 * {@code --rate-seconds N} (60), {@code --clients a,b} (all), {@code --jvm-args "..."} (client JVMs),
 * {@code --skip-throughput}, {@code --skip-rates}, {@code --skip-memory}; {@code --quick} = 3 rounds of 200,000
 * states after 200,000, 10 s per rate.
 */
public final class SideBySide {

    static final List<String> CLIENTS = List.of("limit", "hand-rolled", "navixy-split", "navixy-list");
    static final Map<String, String> LABELS = Map.of(
            "limit", "limit: Vert.x + Jackson readTree, 2 fields",
            "hand-rolled", "hand-rolled: Vert.x + Jackson Map + ProducerTemplate",
            "navixy-split", "camel-navixy splitBatch=true",
            "navixy-list", "camel-navixy splitBatch=false (List)");
    private static final int ITEMS_PER_FRAME = 100;
    private static final int LOAD_FLEET = 1000;
    private static final int MEMORY_FLEET = 10_000;

    private final Map<String, String> options = new HashMap<>();

    public static void main(String[] args) throws Exception {
        new SideBySide(args).run();
        System.exit(0);
    }

    private SideBySide(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        options.put("rounds", "3");
        options.put("round-states", quick ? "200000" : "1000000");
        options.put("warmup-states", quick ? "200000" : "500000");
        options.put("rate-seconds", quick ? "10" : "60");
        options.put("clients", String.join(",", CLIENTS));
        options.put("jvm-args", "-Xms512m -Xmx512m");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--skip-") || a.equals("--quick")) {
                options.put(a.substring(2), "true");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                options.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + a);
            }
        }
    }

    private long opt(String name) {
        return Long.parseLong(options.get(name).replace("_", ""));
    }

    private void run() throws Exception {
        List<String> clients = List.of(options.get("clients").split(","));
        System.out.printf(Locale.ROOT, "camel-navixy side-by-side benchmark: %d-item observed-shape state_batch frames, "
                + "%d cores, %s, client JVMs: %s%n", ITEMS_PER_FRAME, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), options.get("jvm-args"));
        System.out.println("CPU = process CPU time of the client's own JVM (all its threads: event loop, route, JIT, GC)"
                + " over the measured states.");
        if (!options.containsKey("skip-throughput")) {
            throughput(clients);
        }
        if (!options.containsKey("skip-rates")) {
            fixedRate(clients, 12_000);
            fixedRate(clients, 120_000);
        }
        if (!options.containsKey("skip-memory")) {
            memory();
        }
    }

    private void throughput(List<String> clients) throws Exception {
        long rounds = opt("rounds");
        long round = opt("round-states");
        long warmup = opt("warmup-states");
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        clients.forEach(c -> results.put(c, new ArrayList<>()));
        try (NavixySimulator sim = NavixySimulator.builder().fleetSize(LOAD_FLEET)
                .load(LoadProfile.asFastAsRead(ITEMS_PER_FRAME)).build().start()) {
            for (int r = 1; r <= rounds; r++) {
                for (String client : clients) {
                    Map<String, Long> m = fork(ClientMain.class, "flood", client, sim.webSocketUrl(), sim.apiKey(),
                            Long.toString(warmup), Long.toString(round));
                    double perSecond = m.get("states") * 1e9 / m.get("nanos");
                    double cpuMicros = m.get("cpu") / 1000.0 / m.get("states");
                    results.get(client).add(new double[] { perSecond, cpuMicros });
                    System.out.printf(Locale.ROOT, "  round %d %-13s %,10.0f states/s %6.2f µs CPU/state%n", r, client,
                            perSecond, cpuMicros);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nAs fast as the client reads: median of %d rounds of %,d states, after %,d "
                + "states of warm-up%n", rounds, round, warmup);
        System.out.printf(Locale.ROOT, "| %-52s | %10s | %7s | %13s | %9s |%n", "client", "states/s", "× limit",
                "CPU µs/state", "CPU × limit");
        System.out.println("|" + "-".repeat(54) + "|" + "-".repeat(12) + "|" + "-".repeat(9) + "|" + "-".repeat(15)
                + "|" + "-".repeat(11) + "|");
        double[] limit = results.containsKey("limit") ? median(results.get("limit")) : null;
        for (var e : results.entrySet()) {
            double[] med = median(e.getValue());
            System.out.printf(Locale.ROOT, "| %-52s | %,10.0f | %7s | %13.2f | %9s |%n", LABELS.get(e.getKey()), med[0],
                    limit == null ? "" : String.format(Locale.ROOT, "%.2f", med[0] / limit[0]), med[1],
                    limit == null ? "" : String.format(Locale.ROOT, "%.2f", med[1] / limit[1]));
        }
        if (results.containsKey("hand-rolled") && results.containsKey("navixy-split")) {
            System.out.printf(Locale.ROOT, "camel-navixy splitBatch=true vs hand-rolled: %.2f× the states/s, %.2f× the "
                    + "CPU per state%n", median(results.get("navixy-split"))[0] / median(results.get("hand-rolled"))[0],
                    median(results.get("navixy-split"))[1] / median(results.get("hand-rolled"))[1]);
        }
    }

    private static double[] median(List<double[]> rows) {
        double[] out = new double[2];
        for (int k = 0; k < 2; k++) {
            int col = k;
            double[] v = rows.stream().mapToDouble(x -> x[col]).sorted().toArray();
            out[k] = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
        return out;
    }

    private void fixedRate(List<String> clients, long rate) throws Exception {
        long seconds = opt("rate-seconds");
        long total = rate * seconds;
        long warmup = rate * Math.max(1, seconds / 5); // the first fifth of the run is not counted
        System.out.printf(Locale.ROOT, "%nFixed rate %,d states/s for %d s: latency from frame send to the route, CPU "
                + "and heap counted after the first %d s%n", rate, seconds, Math.max(1, seconds / 5));
        System.out.printf(Locale.ROOT, "| %-52s | %15s | %8s | %8s | %8s | %12s | %13s |%n", "client",
                "received/sent", "p50 ms", "p99 ms", "max ms", "CPU µs/state", "heap after GC");
        System.out.println("|" + "-".repeat(54) + "|" + "-".repeat(17) + "|" + "-".repeat(10) + "|" + "-".repeat(10)
                + "|" + "-".repeat(10) + "|" + "-".repeat(14) + "|" + "-".repeat(15) + "|");
        try (NavixySimulator sim = NavixySimulator.builder().fleetSize(LOAD_FLEET)
                .load(LoadProfile.fixedRate(ITEMS_PER_FRAME, rate, total)).build().start()) {
            for (String client : clients) {
                Map<String, Long> m = fork(ClientMain.class, "rate", client, sim.webSocketUrl(), sim.apiKey(),
                        Long.toString(warmup), Long.toString(total), Long.toString(seconds + 60));
                System.out.printf(Locale.ROOT, "| %-52s | %15s | %8.2f | %8.2f | %8.2f | %12.2f | %9.1f MiB |%n",
                        LABELS.get(client), m.get("received") + "/" + total, m.get("p50") / 1000.0,
                        m.get("p99") / 1000.0, m.get("max") / 1000.0, m.get("cpu") / 1000.0 / Math.max(1, m.get("states")),
                        m.get("heap") / 1048576.0);
            }
        }
    }

    private void memory() throws Exception {
        try (NavixySimulator sim = NavixySimulator.builder().fleetSize(MEMORY_FLEET)
                .tickInterval(Duration.ofHours(1)).build().start()) {
            Map<String, Long> m = fork(MemoryProbe.class, sim.webSocketUrl(), sim.apiKey(), Long.toString(MEMORY_FLEET));
            System.out.printf(Locale.ROOT, "%nOne connection subscribed to %,d trackers, after its first snapshot (%,d "
                    + "states): %.1f MiB retained beyond the baseline (heap after GC: %.1f MiB with the CamelContext "
                    + "started and the route not, %.1f MiB with the route running)%n", MEMORY_FLEET, m.get("states"),
                    (m.get("after") - m.get("baseline")) / 1048576.0, m.get("baseline") / 1048576.0,
                    m.get("after") / 1048576.0);
        }
    }

    /** Runs {@code main} in a new JVM on this classpath and returns the numbers of its RESULT line. */
    private Map<String, Long> fork(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(List.of(options.get("jvm-args").trim().split("\\s+")));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ") || line.startsWith("FAILED ")) {
                    result = line;
                }
            }
        }
        p.waitFor();
        if (result == null || !result.startsWith("RESULT ")) {
            throw new IllegalStateException(main.getSimpleName() + " " + String.join(" ", args) + ": " + result);
        }
        Map<String, Long> values = new HashMap<>();
        for (String kv : result.substring(7).split(" ")) {
            String[] pair = kv.split("=");
            values.put(pair[0], Long.parseLong(pair[1]));
        }
        return values;
    }
}
