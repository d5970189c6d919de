import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Writes the option and header tables of the component's AsciiDoc page from the component JSON metadata that
 * camel-package-maven-plugin generates, so the page never drifts from the code.
 *
 * <p>Run by the build at {@code process-classes} with Java's single-file source launcher:
 * <pre>java -cp &lt;classpath with Jackson&gt; src/build/java/ComponentDocTables.java &lt;navixy.json&gt; &lt;navixy-component.adoc&gt;</pre>
 *
 * <p>Only the lines between pairs of marker comments are replaced:
 * <pre>
 * // generated-table: component-options START
 * ...
 * // generated-table: component-options END
 * </pre>
 * Tables: {@code component-options}, {@code endpoint-path-options}, {@code endpoint-query-options}, {@code headers}.
 * Everything else in the page is hand-written prose. The file is rewritten only when its content changes, so a
 * second run changes nothing (not even the modification time).
 */
public final class ComponentDocTables {

    private static final String MARKER_PREFIX = "// generated-table: ";
    private static final String NOTE = "// This table is generated from the component metadata by src/build/java/ComponentDocTables.java; do not edit it.";

    private ComponentDocTables() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ComponentDocTables <component.json> <component.adoc>");
            System.exit(2);
        }
        Path json = Path.of(args[0]);
        Path adoc = Path.of(args[1]);
        if (!Files.isRegularFile(json)) {
            fail("component metadata " + json + " does not exist: camel-package-maven-plugin must run first");
        }
        if (!Files.isRegularFile(adoc)) {
            fail("component page " + adoc + " does not exist");
        }
        JsonNode root = new ObjectMapper().readTree(json.toFile());

        String original = Files.readString(adoc, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String text = original;
        text = replace(text, "component-options", optionTable(root.path("componentProperties"), option -> true));
        text = replace(text, "endpoint-path-options",
                optionTable(root.path("properties"), option -> "path".equals(option.path("kind").asText())));
        text = replace(text, "endpoint-query-options",
                optionTable(root.path("properties"), option -> !"path".equals(option.path("kind").asText())));
        text = replace(text, "headers", headerTable(root.path("headers")));

        if (!text.equals(original)) { // unchanged: not even touched, and nothing printed
            Files.writeString(adoc, text, StandardCharsets.UTF_8);
            System.out.println("[ComponentDocTables] updated the tables in " + adoc);
        }
    }

    /** Replaces the lines between the START and END markers of {@code table} with {@code content}. */
    private static String replace(String text, String table, String content) {
        String start = MARKER_PREFIX + table + " START";
        String end = MARKER_PREFIX + table + " END";
        int startAt = lineIndex(text, start);
        int endAt = lineIndex(text, end);
        if (startAt < 0 || endAt < 0 || endAt < startAt) {
            fail("the page must contain the marker lines '" + start + "' and '" + end + "', in this order");
        }
        int bodyFrom = text.indexOf('\n', startAt) + 1;
        return text.substring(0, bodyFrom) + content + text.substring(endAt);
    }

    /** The offset of the line that is exactly {@code line} (ignoring trailing blanks), or -1. */
    private static int lineIndex(String text, String line) {
        int from = 0;
        while (from <= text.length()) {
            int eol = text.indexOf('\n', from);
            int to = eol < 0 ? text.length() : eol;
            if (text.substring(from, to).strip().equals(line)) {
                return from;
            }
            if (eol < 0) {
                return -1;
            }
            from = eol + 1;
        }
        return -1;
    }

    private static String optionTable(JsonNode options, Predicate<JsonNode> include) {
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : options.properties()) {
            if (include.test(entry.getValue())) {
                rows.add(entry);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(NOTE).append('\n');
        if (rows.isEmpty()) {
            out.append("_None._\n");
            return out.toString();
        }
        out.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n");
        out.append("|===\n");
        out.append("| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> row : rows) {
            JsonNode option = row.getValue();
            out.append("\n");
            out.append("| *").append(cell(row.getKey())).append("*");
            String group = option.path("group").asText("");
            if (!group.isEmpty()) {
                // "consumer (advanced)" reads better as "consumer, advanced" inside the parentheses
                out.append(" (").append(cell(group.replace(" (", ", ").replace(")", ""))).append(")");
            }
            out.append('\n');
            out.append("| ").append(description(option)).append('\n');
            out.append("| ").append(defaultValue(option)).append('\n');
            out.append("| ").append(cell(type(option))).append('\n');
        }
        out.append("|===\n");
        return out.toString();
    }

    private static String headerTable(JsonNode headers) {
        StringBuilder out = new StringBuilder();
        out.append(NOTE).append('\n');
        if (headers.isEmpty()) {
            out.append("_None._\n");
            return out.toString();
        }
        out.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n");
        out.append("|===\n");
        out.append("| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> row : headers.properties()) {
            JsonNode header = row.getValue();
            out.append("\n");
            out.append("| *").append(cell(row.getKey())).append("*");
            String constant = header.path("constantName").asText("");
            int hash = constant.lastIndexOf('#');
            if (hash >= 0) {
                String owner = constant.substring(0, hash);
                owner = owner.substring(owner.lastIndexOf('.') + 1);
                out.append(" (`").append(cell(owner + "." + constant.substring(hash + 1))).append("`)");
            }
            out.append('\n');
            out.append("| ").append(description(header)).append('\n');
            out.append("| ").append(defaultValue(header)).append('\n');
            out.append("| ").append(cell(simpleType(header.path("javaType").asText("")))).append('\n');
        }
        out.append("|===\n");
        return out.toString();
    }

    private static String description(JsonNode option) {
        StringBuilder text = new StringBuilder(option.path("description").asText("").strip());
        if (text.length() > 0 && ".!?:".indexOf(text.charAt(text.length() - 1)) < 0) {
            text.append('.');
        }
        if (option.path("required").asBoolean(false)) {
            text.append(" *Required.*");
        }
        if (option.path("secret").asBoolean(false) || "secret".equals(option.path("security").asText(""))) {
            text.append(" *Secret:* masked in logged URIs; supply it from a property placeholder or a vault.");
        }
        if (option.path("autowired").asBoolean(false)) {
            text.append(" *Autowired:* a single bean of this type in the registry is used automatically.");
        }
        JsonNode values = option.path("enum");
        if (values.isArray() && !values.isEmpty()) {
            List<String> names = new ArrayList<>();
            values.forEach(v -> names.add(v.asText()));
            text.append(" Values: ").append(String.join(", ", names)).append('.');
        }
        if (option.path("deprecated").asBoolean(false)) {
            text.append(" *Deprecated.*");
        }
        return cell(text.toString().strip());
    }

    private static String defaultValue(JsonNode option) {
        JsonNode value = option.get("defaultValue");
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return "";
        }
        // Literal monospace: no AsciiDoc substitutions (URLs are not turned into links, {...} is not an attribute).
        return "`+" + value.asText().replace("|", "\\|") + "+`";
    }

    private static String type(JsonNode option) {
        String type = option.path("type").asText("");
        String javaType = option.path("javaType").asText("");
        if ("duration".equals(type)) {
            return "Duration";
        }
        if ("enum".equals(type)) {
            return "enum (" + simpleType(javaType) + ")";
        }
        return simpleType(javaType.isEmpty() ? type : javaType);
    }

    /** {@code java.util.Map<java.lang.String, java.lang.Object>} becomes {@code Map<String, Object>}. */
    private static String simpleType(String javaType) {
        return javaType.replaceAll("(?:[a-z_][a-z0-9_]*\\.)+([A-Z])", "$1").replace('$', '.');
    }

    /** Text that is safe inside a table cell. */
    private static String cell(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }

    private static void fail(String message) {
        System.err.println("[ComponentDocTables] " + message);
        System.exit(1);
    }
}
