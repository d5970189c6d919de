package io.github.camelnavixy.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The starter's properties and the component's options must not drift apart. Both sides are read as shipped: the
 * component's metadata from the camel-navixy jar on the classpath, the starter's from the
 * spring-configuration-metadata.json the configuration processor wrote. Every failure names the options to fix.
 */
class StarterPropertiesMatchComponentOptionsTest {

    private static final String COMPONENT_METADATA = "META-INF/io/github/camelnavixy/navixy.json";
    private static final String STARTER_METADATA = "META-INF/spring-configuration-metadata.json";
    private static final String PREFIX = NavixyComponentProperties.PREFIX + ".";

    /** Switches of the starter itself, not options of the component. */
    private static final Set<String> STARTER_SWITCHES = Set.of("enabled");

    /**
     * Options the starter declares before the component on this branch has them (being added to the component in
     * parallel). Once the component has one, this test fails until it is removed from here, and the type and
     * description tests then check it like every other option.
     */
    /** Properties a starter may declare before the component has the option (none today). */
    private static final Set<String> AHEAD_OF_COMPONENT = Set.of();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, JsonNode> componentOptions;
    private static Map<String, JsonNode> starterProperties;
    /** Entries only in additional-spring-configuration-metadata.json, for no property of the class. */
    private static Set<String> orphanEntries;

    @BeforeAll
    static void readMetadata() throws IOException {
        componentOptions = new LinkedHashMap<>();
        try (InputStream in = StarterPropertiesMatchComponentOptionsTest.class.getClassLoader()
                .getResourceAsStream(COMPONENT_METADATA)) {
            if (in == null) {
                fail(COMPONENT_METADATA + " is not on the classpath: is camel-navixy a dependency?");
            }
            JSON.readTree(in).get("componentProperties").fields()
                    .forEachRemaining(option -> componentOptions.put(option.getKey(), option.getValue()));
        }
        starterProperties = new LinkedHashMap<>();
        orphanEntries = new TreeSet<>();
        // Several jars ship this file (camel-spring-boot does too): take the entries under our prefix from all.
        Enumeration<URL> files = StarterPropertiesMatchComponentOptionsTest.class.getClassLoader()
                .getResources(STARTER_METADATA);
        for (URL file : Collections.list(files)) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : JSON.readTree(in).path("properties")) {
                    String name = property.get("name").asText();
                    if (!name.startsWith(PREFIX)) {
                        continue;
                    }
                    String option = camelCase(name.substring(PREFIX.length()));
                    if (NavixyComponentProperties.class.getName().equals(property.path("sourceType").asText())) {
                        starterProperties.put(option, property);
                    } else {
                        orphanEntries.add(option);
                    }
                }
            }
        }
        assertTrue(componentOptions.size() > 10, "component options read: " + componentOptions.keySet());
        assertTrue(starterProperties.size() > 10, "starter properties read: " + starterProperties.keySet());
    }

    @Test
    void everyComponentOptionHasAStarterProperty() {
        Set<String> missing = new TreeSet<>(componentOptions.keySet());
        missing.removeAll(starterProperties.keySet());
        if (!missing.isEmpty()) {
            fail("Component options with no camel.component.navixy.* property in the starter: " + missing
                    + ". Add a field (javadoc = the option's description) with getter and setter to "
                    + "NavixyComponentProperties, and its default, if any, to "
                    + "META-INF/additional-spring-configuration-metadata.json.");
        }
    }

    @Test
    void everyStarterPropertyIsAComponentOption() {
        Set<String> unknown = new TreeSet<>(starterProperties.keySet());
        unknown.removeAll(componentOptions.keySet());
        unknown.removeAll(STARTER_SWITCHES);
        unknown.removeAll(AHEAD_OF_COMPONENT);
        if (!unknown.isEmpty()) {
            fail("Starter properties that are not options of the navixy component: " + unknown
                    + ". Remove them from NavixyComponentProperties, or add the option to the component.");
        }
    }

    @Test
    void additionalMetadataDescribesOnlyPropertiesOfTheStarter() {
        if (!orphanEntries.isEmpty()) {
            fail("META-INF/additional-spring-configuration-metadata.json has entries for properties that "
                    + "NavixyComponentProperties does not have: " + orphanEntries + ". Remove or rename them.");
        }
    }

    @Test
    void optionsDeclaredAheadOfTheComponentAreStillMissingFromIt() {
        Set<String> arrived = new TreeSet<>(AHEAD_OF_COMPONENT);
        arrived.retainAll(componentOptions.keySet());
        if (!arrived.isEmpty()) {
            fail("The component now has the options " + arrived + ": remove them from AHEAD_OF_COMPONENT in this "
                    + "test so their types, descriptions and defaults are checked too.");
        }
    }

    @Test
    void starterPropertyTypesMatchTheOptionTypes() {
        List<String> wrong = new ArrayList<>();
        forEachCommonOption((name, option, property) -> {
            String expected = starterTypeOf(option);
            String actual = property.path("type").asText();
            if (!expected.equals(actual)) {
                wrong.add(name + ": starter has " + actual + ", expected " + expected);
            }
        });
        if (!wrong.isEmpty()) {
            fail("Starter property types that do not fit the component options (primitives become their wrapper, "
                    + "durations java.time.Duration): " + wrong);
        }
    }

    @Test
    void starterDescriptionsAreTheOptionDescriptions() {
        List<String> wrong = new ArrayList<>();
        forEachCommonOption((name, option, property) -> {
            String expected = normalise(option.path("description").asText());
            String actual = normalise(property.path("description").asText());
            // The starter may add a sentence (e.g. how to refer to a bean), never change the option's own text.
            if (expected.isEmpty() || !actual.startsWith(expected)) {
                wrong.add(name + ":\n    component: " + expected + "\n    starter:   " + actual);
            }
        });
        if (!wrong.isEmpty()) {
            fail("Starter property descriptions (field javadoc in NavixyComponentProperties) that differ from the "
                    + "component's option descriptions:\n  " + String.join("\n  ", wrong));
        }
    }

    @Test
    void starterDefaultsAreTheOptionDefaults() {
        List<String> wrong = new ArrayList<>();
        forEachCommonOption((name, option, property) -> {
            String expected = option.has("defaultValue") ? option.get("defaultValue").asText() : null;
            String actual = property.has("defaultValue") ? property.get("defaultValue").asText() : null;
            if (expected == null ? actual != null : !expected.equals(actual)) {
                wrong.add(name + ": starter " + actual + ", component " + expected);
            }
        });
        if (!wrong.isEmpty()) {
            fail("Defaults shown for starter properties (META-INF/additional-spring-configuration-metadata.json) that "
                    + "differ from the component's: " + wrong);
        }
    }

    private interface OptionCheck {
        void check(String name, JsonNode option, JsonNode property);
    }

    private static void forEachCommonOption(OptionCheck check) {
        componentOptions.forEach((name, option) -> {
            JsonNode property = starterProperties.get(name);
            if (property != null) {
                check.check(name, option, property);
            }
        });
    }

    private static String starterTypeOf(JsonNode option) {
        if ("duration".equals(option.path("type").asText())) {
            return "java.time.Duration";
        }
        String javaType = option.path("javaType").asText();
        return switch (javaType) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "double" -> "java.lang.Double";
            case "float" -> "java.lang.Float";
            default -> javaType;
        };
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String camelCase(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
