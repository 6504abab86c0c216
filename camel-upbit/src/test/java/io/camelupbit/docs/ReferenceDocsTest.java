package io.camelupbit.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The option and header tables of docs/reference.md are generated from the component's metadata (upbit.json, itself
 * generated from the code's annotations and javadoc). This test regenerates them and fails on any difference in name,
 * type, default or description. After changing an option, run it with {@code -Dupbit.docs.update=true} to rewrite the
 * tables, and commit the result.
 */
class ReferenceDocsTest {

    private static final Path REFERENCE = Path.of("..", "docs", "reference.md");

    @Test
    void optionTablesMatchTheMetadata() throws IOException {
        JsonNode metadata = metadata();
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("component-options", table(metadata.get("componentProperties"), false));
        sections.put("endpoint-options", table(metadata.get("properties"), true));
        sections.put("headers", headers(metadata.get("headers")));
        GeneratedSections.check(REFERENCE, sections);
    }

    /** The component's metadata, upbit.json, as the build generated it. */
    static JsonNode metadata() throws IOException {
        try (InputStream in = ReferenceDocsTest.class.getResourceAsStream("/META-INF/io/camelupbit/upbit.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static String table(JsonNode options, boolean endpoint) {
        StringBuilder out = new StringBuilder("| Name | Kind | Type | Default | Description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            out.append("| `").append(option.getKey()).append("` | ")
                    .append(endpoint ? o.path("kind").asText() : o.path("group").asText()).append(" | ")
                    .append(type(o)).append(" | ")
                    .append(o.has("defaultValue") ? "`" + o.get("defaultValue").asText() + "`" : "").append(" | ")
                    .append(GeneratedSections.cell(o.path("description").asText()))
                    .append(o.path("secret").asBoolean() ? " *(secret)*" : "")
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder out = new StringBuilder("| Header | Type | Description |\n|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            out.append("| `").append(header.getKey()).append("` | `")
                    .append(header.getValue().path("javaType").asText()).append("` | ")
                    .append(GeneratedSections.cell(header.getValue().path("description").asText())).append(" |\n");
        }
        return out.toString();
    }

    private static String type(JsonNode option) {
        String type = option.path("type").asText();
        if (option.has("enum")) {
            StringBuilder values = new StringBuilder();
            option.get("enum").forEach(v -> values.append(values.length() == 0 ? "" : ", ").append(v.asText()));
            return type + " (" + values + ")";
        }
        return type;
    }
}
