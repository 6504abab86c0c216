package io.camelupbit.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Camel's tooling reads about the component is what the code says: component.properties is generated, the adoc
 * page carries Camel's option-table includes and the header the metadata implies, and every description in upbit.json
 * is its javadoc word for word (the generator drops characters such as {@code +} and {@code *}, and text between
 * {@code <} and {@code >}, so such text must be written otherwise).
 */
class ComponentMetadataTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "camelupbit");
    /** A javadoc, the annotations after it, and the setter it documents. */
    private static final Pattern SETTER = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public void set(\\w+)\\(", Pattern.DOTALL);
    /** A header constant's description (string literals, maybe concatenated) and its value. */
    private static final Pattern HEADER = Pattern.compile(
            "@Metadata\\(description\\s*=\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\+?\\s*)+).*?"
                    + "public static final String \\w+ = \"(\\w+)\";", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void componentPropertiesIsGenerated() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/services/org/apache/camel/component.properties")) {
            assertThat(in).as("component.properties on the classpath").isNotNull();
            properties.load(in);
        }
        JsonNode component = ReferenceDocsTest.metadata().get("component");
        assertThat(properties).containsEntry("components", "upbit").containsEntry("groupId", "io.camelupbit")
                .containsEntry("artifactId", "camel-upbit")
                .containsEntry("version", component.get("version").asText());
    }

    @Test
    void theAdocPageUsesCamelsIncludesAndAgreesWithTheMetadata() throws IOException {
        String page = Files.readString(Path.of("src", "main", "docs", "upbit-component.adoc"));
        JsonNode component = ReferenceDocsTest.metadata().get("component");
        assertThat(page).contains("""
                // component options: START
                include::partial$component-configure-options.adoc[]
                include::partial$component-endpoint-options.adoc[]
                include::partial$component-endpoint-headers.adoc[]
                // component options: END""");
        assertThat(page).contains(":description: " + component.get("description").asText() + "\n",
                ":since: " + component.get("firstVersion").asText().replaceAll("\\.0$", "") + "\n",
                ":supportlevel: " + component.get("supportLevel").asText() + "\n",
                ":component-header: " + header(component) + "\n",
                "*Since Camel {since}*", "*{component-header}*");
    }

    @Test
    void noOptionClaimsADefaultItDoesNotHave() throws IOException {
        // url follows region when not set: a default here would be copied into properties and override region
        assertThat(ReferenceDocsTest.metadata().get("componentProperties").get("url").has("defaultValue")).isFalse();
    }

    @Test
    void everyDescriptionIsItsJavadocWordForWord() throws IOException {
        JsonNode metadata = ReferenceDocsTest.metadata();
        assertDescriptions(metadata.get("componentProperties"), setterJavadocs("UpbitComponent.java"));
        assertDescriptions(metadata.get("properties"), setterJavadocs("UpbitConfiguration.java"));
        assertDescriptions(metadata.get("headers"), headerDescriptions());
    }

    private static void assertDescriptions(JsonNode options, Map<String, String> written) {
        Map<String, String> generated = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            // options Camel adds (bridgeErrorHandler, lazyStartProducer, ...) have no javadoc of ours
            if (written.containsKey(option.getKey())) {
                generated.put(option.getKey(), option.getValue().path("description").asText());
            }
        }
        assertThat(generated).as("options documented in our code").isNotEmpty();
        generated.forEach((name, description) -> assertThat(description).as(name).isEqualTo(written.get(name)));
    }

    /** The plain text of each setter's javadoc, by option name, as a reader sees it. */
    private static Map<String, String> setterJavadocs(String file) throws IOException {
        Map<String, String> javadocs = new HashMap<>();
        Matcher m = SETTER.matcher(Files.readString(SOURCES.resolve(file)));
        while (m.find()) {
            String option = Character.toLowerCase(m.group(2).charAt(0)) + m.group(2).substring(1);
            javadocs.put(option, plainText(m.group(1)));
        }
        return javadocs;
    }

    private static Map<String, String> headerDescriptions() throws IOException {
        Map<String, String> headers = new HashMap<>();
        Matcher m = HEADER.matcher(Files.readString(SOURCES.resolve("UpbitConstants.java")));
        while (m.find()) {
            StringBuilder text = new StringBuilder();
            Matcher literal = LITERAL.matcher(m.group(1));
            while (literal.find()) {
                text.append(literal.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            headers.put(m.group(2), text.toString());
        }
        return headers;
    }

    /** The main description (up to the first block tag), its lines joined, {@code} and {@link} shown as text. */
    private static String plainText(String javadoc) {
        StringBuilder text = new StringBuilder();
        for (String line : javadoc.split("\n")) {
            String content = line.trim().replaceFirst("^\\*\\s?", "").trim();
            if (content.startsWith("@")) {
                break;
            }
            text.append(' ').append(content);
        }
        return text.toString()
                .replaceAll("\\{@(?:code|literal) ([^}]*)}", "$1")
                .replaceAll("\\{@link(?:plain)? [\\w.#()]+ ([^}]*)}", "$1")
                .replaceAll("\\{@link(?:plain)? ([^}]*)}", "$1")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\\s+", " ").trim();
    }

    /** What Camel's tooling writes for the producer and consumer support the metadata states. */
    private static String header(JsonNode component) {
        if (component.get("producerOnly").asBoolean()) {
            return "Only producer is supported";
        }
        return component.get("consumerOnly").asBoolean() ? "Only consumer is supported"
                : "Both producer and consumer are supported";
    }
}
