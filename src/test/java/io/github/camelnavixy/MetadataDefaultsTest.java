package io.github.camelnavixy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The default an option's metadata advertises (docs, IDEs, starters) is the value a new configuration really has. */
class MetadataDefaultsTest {

    @Test
    void everyAdvertisedDefaultIsTheRuntimeValue() throws Exception {
        JsonNode properties;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelnavixy/navixy.json")) {
            properties = new ObjectMapper().readTree(in).get("properties");
        }
        NavixyConfiguration fresh = new NavixyConfiguration();
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : properties.properties()) {
            JsonNode advertised = option.getValue().get("defaultValue");
            Method getter = getter(option.getKey());
            if (getter == null) {
                continue; // Camel's own consumer options (bridgeErrorHandler, ...) live on the endpoint
            }
            Object actual = getter.invoke(fresh);
            checked.add(option.getKey());
            if (advertised == null) {
                if (actual != null && !(actual instanceof Boolean b && !b)) {
                    wrong.add(option.getKey() + ": no default advertised, runtime " + actual);
                }
                continue;
            }
            if (!sameValue(advertised.asText(), actual, option.getValue().path("javaType").asText())) {
                wrong.add(option.getKey() + ": advertised " + advertised.asText() + ", runtime " + actual);
            }
        }
        assertThat(checked).contains("format", "includeComponents", "reconnectDelay", "maxMessageSize");
        assertThat(wrong).isEmpty();
    }

    private static boolean sameValue(String advertised, Object actual, String javaType) {
        if (actual instanceof Long millis && "long".equals(javaType) && !advertised.matches("-?\\d+")) {
            return TimeUtils.toMilliSeconds(advertised) == millis; // durations held as milliseconds
        }
        if (actual instanceof Duration d) {
            return TimeUtils.toMilliSeconds(advertised) == d.toMillis();
        }
        return String.valueOf(actual).equals(advertised);
    }

    private static Method getter(String option) {
        String suffix = Character.toUpperCase(option.charAt(0)) + option.substring(1);
        for (String prefix : new String[] { "get", "is" }) {
            try {
                return NavixyConfiguration.class.getMethod(prefix + suffix);
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return null;
    }
}
