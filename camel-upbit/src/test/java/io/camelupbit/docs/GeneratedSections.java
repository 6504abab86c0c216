package io.camelupbit.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated parts of a docs page: the text between {@code <!-- BEGIN GENERATED: name -->} and
 * {@code <!-- END GENERATED: name -->}. {@link #check} regenerates them and fails on any difference; with
 * {@code -Dupbit.docs.update=true} it rewrites the page instead, to be committed.
 */
public final class GeneratedSections {

    private GeneratedSections() {
    }

    /**
     * Compares the page's generated sections with their regenerated content (section name to content), or rewrites
     * them when {@code upbit.docs.update} is set.
     */
    public static void check(Path page, Map<String, String> sections) throws IOException {
        String docs = Files.readString(page, StandardCharsets.UTF_8);
        String regenerated = docs;
        for (Map.Entry<String, String> section : sections.entrySet()) {
            regenerated = replace(page, regenerated, section.getKey(), section.getValue());
        }
        if (Boolean.getBoolean("upbit.docs.update")) {
            Files.writeString(page, regenerated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(docs).as(page + " is out of date: run this test with -Dupbit.docs.update=true and commit "
                + page.getFileName()).isEqualTo(regenerated);
    }

    /** A table cell: no pipe or line break of the text may end it. */
    public static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String replace(Path page, String docs, String section, String content) {
        String begin = "<!-- BEGIN GENERATED: " + section + " -->\n";
        String end = "<!-- END GENERATED: " + section + " -->";
        int from = docs.indexOf(begin);
        int to = docs.indexOf(end);
        assertThat(from).as(page + " has the markers of section " + section).isNotNegative();
        assertThat(to).isGreaterThan(from);
        return docs.substring(0, from + begin.length()) + content + docs.substring(to);
    }
}
