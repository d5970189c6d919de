package io.github.camelnavixy.examples.ha;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link HaNode} in a JVM of its own, started with this JVM's class path, and what it printed: its leadership and
 * the last state it delivered per source id. Its log (stderr) goes to {@code target/ha-nodes/NAME.log}.
 */
final class NodeProcess implements AutoCloseable {

    /** The last state a node delivered for one source id. */
    record LastState(double lat, double lng, double speed) {
    }

    private final String name;
    private final Process process;
    private final Map<Long, LastState> states = new ConcurrentHashMap<>();
    private final AtomicLong stateLines = new AtomicLong();
    private volatile Boolean leader; // null until the node reported once

    private NodeProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::readOutput, "stdout-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static NodeProcess start(String name, Path lockDir, String webSocketUrl, String apiKey) throws IOException {
        Path logs = Path.of("target", "ha-nodes");
        Files.createDirectories(logs);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "-Dnavixy.ha.lockInterval=1000", "-Dnavixy.ha.heartbeatMultiplier=2",
                HaNode.class.getName(), lockDir.toString(), webSocketUrl, apiKey, name));
        Process process = new ProcessBuilder(command)
                .redirectError(logs.resolve(name + ".log").toFile())
                .start();
        return new NodeProcess(name, process);
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(" ");
                if (f.length == 3 && f[0].equals("LEADER")) {
                    leader = Boolean.parseBoolean(f[2]);
                } else if (f.length == 6 && f[0].equals("STATE")) {
                    states.put(Long.parseLong(f[2]), new LastState(Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                            Double.parseDouble(f[5])));
                    stateLines.incrementAndGet();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process died (kill -9): its output ends here
        }
    }

    String name() {
        return name;
    }

    /** Whether the node's latest leadership report said it leads; false before its first report. */
    boolean isLeader() {
        return Boolean.TRUE.equals(leader);
    }

    /** Whether the node has started far enough to report its leadership. */
    boolean hasReported() {
        return leader != null;
    }

    long stateLines() {
        return stateLines.get();
    }

    Map<Long, LastState> states() {
        return states;
    }

    /** kill -9: no shutdown hook, no unsubscribe, no lock release by the JVM (the OS frees the lock). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
