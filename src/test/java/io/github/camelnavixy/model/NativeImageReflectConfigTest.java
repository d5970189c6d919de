package io.github.camelnavixy.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component jar's native-image reflection configuration names every model record, with what Jackson (binding
 * through constructors and accessors) and the simple language ({@code ${body.gps.speed}}: accessor methods) need. A
 * record added to the model without an entry fails here rather than in someone's native build.
 */
class NativeImageReflectConfigTest {

    private static final String CONFIG = "META-INF/native-image/io.github.camelnavixy/camel-navixy/reflect-config.json";
    private static final List<String> REQUIRED_FLAGS = List.of("allDeclaredConstructors", "allPublicConstructors",
            "allDeclaredMethods", "allPublicMethods", "allDeclaredFields", "allRecordComponents");

    @Test
    void everyModelRecordIsRegisteredForReflection() throws Exception {
        Map<String, JsonNode> entries = configEntries();
        List<Class<?>> records = modelRecords();

        assertThat(records).as("model records found on the class path").contains(TrackerState.class, Gps.class);
        for (Class<?> record : records) {
            JsonNode entry = entries.get(record.getName());
            assertThat(entry).as("entry for %s in %s", record.getName(), CONFIG).isNotNull();
            for (String flag : REQUIRED_FLAGS) {
                assertThat(entry.path(flag).asBoolean()).as("%s of %s", flag, record.getName()).isTrue();
            }
        }
    }

    @Test
    void everyEntryNamesAnExistingClass() throws Exception {
        for (String name : configEntries().keySet()) {
            assertThat(Class.forName(name)).as(name).isNotNull();
        }
    }

    private static Map<String, JsonNode> configEntries() throws IOException {
        try (InputStream in = NativeImageReflectConfigTest.class.getClassLoader().getResourceAsStream(CONFIG)) {
            assertThat(in).as(CONFIG + " on the class path").isNotNull();
            Map<String, JsonNode> entries = new HashMap<>();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                entries.put(entry.path("name").asText(), entry);
            }
            return entries;
        }
    }

    /** The public records of the model package, from the compiled classes (a directory while tests run). */
    private static List<Class<?>> modelRecords() throws IOException, URISyntaxException {
        URL anchor = TrackerState.class.getResource("TrackerState.class");
        Path packageDir = Path.of(anchor.toURI()).getParent();
        try (Stream<Path> files = Files.list(packageDir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(name -> load(TrackerState.class.getPackageName() + "." + name.substring(0, name.length() - 6)))
                    .filter(type -> type.isRecord() && java.lang.reflect.Modifier.isPublic(type.getModifiers()))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
