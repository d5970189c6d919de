package io.github.camelnavixy.examples.livefeed.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A headless Chromium started for a test, driven over the DevTools protocol ({@link DevToolsSession}) on a port it
 * picks itself, with a profile of its own that is deleted on close.
 */
final class HeadlessChromium implements AutoCloseable {

    /** The browser binary to use instead of looking for one on the PATH. */
    static final String BROWSER_PROPERTY = "navixy.test.browser";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    private final Process process;
    private final Path profile;
    private final DevToolsSession page;

    private HeadlessChromium(Process process, Path profile, DevToolsSession page) {
        this.process = process;
        this.profile = profile;
        this.page = page;
    }

    /** The browser binary: {@code -Dnavixy.test.browser}, or the first of chromium, chromium-browser, google-chrome... on the PATH. */
    static Optional<Path> find() {
        String configured = System.getProperty(BROWSER_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured.trim())).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static String lookedFor() {
        return "-D" + BROWSER_PROPERTY + " or " + String.join(", ", NAMES) + " on the PATH";
    }

    /** Starts the browser with one blank page of width x height CSS pixels and connects to that page. */
    static HeadlessChromium launch(Path binary, int width, int height, Path logFile) throws IOException {
        Path profile = Files.createTempDirectory("fleet-page-chromium");
        // --no-sandbox: CI runs as root, where Chromium refuses to start with its sandbox; the page is our own.
        Process process = new ProcessBuilder(binary.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                "--force-device-scale-factor=1", "--window-size=" + width + "," + height,
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        try {
            // Chromium writes the port it listens on to the first line of this file once DevTools is up.
            Path portFile = profile.resolve("DevToolsActivePort");
            await("Chromium's DevTools port (log: " + logFile + ")").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || readPort(portFile) > 0);
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + "; see " + logFile);
            }
            URI pageSocket = pageWebSocket(readPort(portFile));
            DevToolsSession page = new DevToolsSession(pageSocket);
            // --window-size sizes the window; the page gets what is left after the browser's chrome: fix the viewport.
            page.call("Emulation.setDeviceMetricsOverride", page.params().put("width", width).put("height", height)
                    .put("deviceScaleFactor", 1).put("mobile", false));
            return new HeadlessChromium(process, profile, page);
        } catch (RuntimeException e) {
            stop(process);
            delete(profile);
            throw e;
        }
    }

    DevToolsSession page() {
        return page;
    }

    @Override
    public void close() {
        try {
            page.close();
        } finally {
            stop(process);
            delete(profile);
        }
    }

    private static int readPort(Path portFile) {
        try {
            List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
            return lines.isEmpty() || lines.get(0).isBlank() ? -1 : Integer.parseInt(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1; // not written (completely) yet
        }
    }

    /** The WebSocket of the blank page the browser opened, from the DevTools HTTP list of targets. */
    private static URI pageWebSocket(int port) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(Duration.ofSeconds(10)).build();
        ObjectMapper json = new ObjectMapper();
        JsonNode[] found = new JsonNode[1];
        await("a page target in Chromium").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode targets = json.readTree(http.send(list, HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode target : targets) {
                if ("page".equals(target.path("type").asText()) && target.hasNonNull("webSocketDebuggerUrl")) {
                    found[0] = target;
                    return true;
                }
            }
            return false;
        });
        return URI.create(found[0].get("webSocketDebuggerUrl").asText());
    }

    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList(); // renderers, GPU and zygote processes
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
