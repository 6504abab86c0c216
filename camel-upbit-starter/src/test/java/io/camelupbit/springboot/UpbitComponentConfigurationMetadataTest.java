package io.camelupbit.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapperImpl;

/**
 * The hand-written {@link UpbitComponentConfiguration} against the component's generated metadata: every component
 * option of {@code upbit.json} has its property, with the same description (the javadoc, as Spring's configuration
 * processor read it), a matching type, the same default and the same allowed values; nothing else is there but
 * {@code enabled}. Fails when the component gains, loses or rewords an option and the starter was not updated.
 */
class UpbitComponentConfigurationMetadataTest {

    private static final String PREFIX = UpbitComponentConfiguration.PREFIX + ".";

    private static Map<String, JsonObject> options;
    private static Map<String, JsonObject> properties;
    private static Map<String, JsonObject> hints;

    @BeforeAll
    static void readMetadata() throws IOException {
        JsonObject component = read(UpbitComponentConfigurationMetadataTest.class.getClassLoader()
                .getResource("META-INF/io/camelupbit/upbit.json"));
        options = new TreeMap<>();
        JsonObject componentProperties = component.getMap("componentProperties");
        componentProperties.forEach((name, option) -> options.put(PREFIX + kebab(name), (JsonObject) option));

        // every jar of the classpath may have a metadata file: keep what this starter's processor wrote
        properties = new TreeMap<>();
        hints = new TreeMap<>();
        for (URL url : Collections.list(UpbitComponentConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            JsonObject metadata = read(url);
            for (Object p : metadata.getCollection("properties")) {
                JsonObject property = (JsonObject) p;
                if (UpbitComponentConfiguration.class.getName().equals(property.getString("sourceType"))) {
                    properties.put(property.getString("name"), property);
                }
            }
            JsonArray hintList = metadata.getCollection("hints");
            for (Object h : hintList == null ? List.of() : hintList) {
                JsonObject hint = (JsonObject) h;
                if (hint.getString("name").startsWith(PREFIX)) {
                    hints.put(hint.getString("name"), hint);
                }
            }
        }
    }

    @Test
    void everyComponentOptionAndNothingElseButEnabled() {
        List<String> expected = new ArrayList<>(options.keySet());
        expected.add(PREFIX + "enabled");
        assertThat(options).hasSizeGreaterThan(30);
        assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void descriptionsAreTheMetadataDescriptions() {
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, String> wanted = new LinkedHashMap<>();
        options.forEach((name, option) -> {
            wanted.put(name, normalized(option.getString("description")));
            actual.put(name, normalized(properties.get(name) == null ? null : properties.get(name).getString(
                    "description")));
        });
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(wanted);
    }

    @Test
    void typesFollowTheOptionKinds() {
        options.forEach((name, option) -> {
            String type = switch (option.getString("type")) {
                case "duration" -> "java.time.Duration";
                case "boolean" -> "java.lang.Boolean";
                case "integer" -> "java.lang.Integer";
                case "number" -> "java.lang.Double";
                case "string", "enum" -> "java.lang.String";
                default -> option.getString("javaType");
            };
            assertThat(properties.get(name).getString("type")).as(name).isEqualTo(type);
        });
    }

    @Test
    void defaultsAndAllowedValuesAreTheComponentsForTheIde() {
        options.forEach((name, option) -> {
            Object value = option.get("defaultValue");
            Object shown = properties.get(name).get("defaultValue");
            if (value == null) {
                assertThat(shown).as(name).isNull();
            } else if ("duration".equals(option.getString("type"))) {
                assertThat(shown).as(name).isEqualTo(value + "ms");
            } else if (value instanceof Number number) {
                // 2.0 in one file may be 2 in the other
                assertThat(new BigDecimal(String.valueOf(shown))).as(name)
                        .isEqualByComparingTo(new BigDecimal(number.toString()));
            } else {
                assertThat(shown).as(name).isEqualTo(value);
            }
            if ("enum".equals(option.getString("type"))) {
                List<String> values = new ArrayList<>();
                for (Object v : hints.get(name).getCollection("values")) {
                    values.add(((JsonObject) v).getString("value"));
                }
                List<String> allowed = option.getCollection("enum");
                assertThat(values).as(name).containsExactlyElementsOf(allowed);
            }
        });
        assertThat(properties.get(PREFIX + "enabled").get("defaultValue")).isEqualTo(true);
    }

    @Test
    void everyOptionIsNullUntilAPropertySetsIt() {
        BeanWrapperImpl configuration = new BeanWrapperImpl(new UpbitComponentConfiguration());
        Map<String, Object> set = new TreeMap<>();
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(UpbitComponentConfiguration.class)) {
            if (descriptor.getWriteMethod() != null) {
                set.put(descriptor.getName(), configuration.getPropertyValue(descriptor.getName()));
            }
        }
        assertThat(set).hasSize(options.size() + 1);
        // only the switch of the auto-configuration has a value: a null option is never copied onto the component
        assertThat(set).containsEntry("enabled", true);
        set.remove("enabled");
        assertThat(set.values()).containsOnlyNulls();
    }

    private static JsonObject read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    new JsonObject());
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static String normalized(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").trim();
    }
}
