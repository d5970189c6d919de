package io.github.camelnavixy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layers of docs/architecture.md, enforced: each package of the main sources may refer only to the packages
 * below it, and the simulator to none of the client side (it is a second, independent reading of the protocol).
 * The Camel face (the root package) sits on top and may use every layer.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/camelnavixy");
    private static final Pattern REFERENCE = Pattern.compile("io\\.github\\.camelnavixy\\.([a-z]+)\\.");

    /** For each layer, the project packages it may refer to besides itself. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "model", Set.of(),
            "subscription", Set.of(),
            "protocol", Set.of("model"),
            "client", Set.of("protocol", "subscription", "model"),
            "rest", Set.of("client", "protocol", "model"),
            "simulator", Set.of());

    @Test
    void noPackageReachesUpOrSideways() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> layer : ALLOWED.entrySet()) {
            Path dir = MAIN.resolve(layer.getKey());
            assertThat(dir).as("layer folder").isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = REFERENCE.matcher(Files.readString(file));
                    while (m.find()) {
                        String target = m.group(1);
                        if (!target.equals(layer.getKey()) && !layer.getValue().contains(target)) {
                            violations.add(MAIN.relativize(file) + " refers to " + target);
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noLayerUsesCamel() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String layer : ALLOWED.keySet()) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(layer))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (Files.readString(file).contains("org.apache.camel.")) {
                        violations.add(MAIN.relativize(file).toString());
                    }
                }
            }
        }
        assertThat(violations).as("only the root package (the Camel face) knows Camel").isEmpty();
    }

    @Test
    void noPackageUsesVertxInternals() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                if (text.contains("io.vertx.core.net.impl") || text.contains("io.vertx.core.impl") || text.contains("io.vertx.core.http.impl")) {
                    violations.add(MAIN.relativize(file).toString());
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
