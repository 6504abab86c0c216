package io.camelupbit.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/testing.md shows three complete tests, imports included; they are real tests of this build (run with it), and
 * the page shows each exactly as it is, but its package line.
 */
class TestingDocsTest {

    private static final List<Path> SHOWN = List.of(
            Path.of("src/test/java/io/camelupbit/docs/examples/TickerAlertRouteTest.java"),
            Path.of("src/test/java/io/camelupbit/docs/examples/CamelMainTickerTest.java"),
            Path.of("../camel-upbit-starter/src/test/java/io/camelupbit/springboot/docs/SpringBootTickerTest.java"));

    @Test
    void thePageShowsTheTestsAsTheyAre() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "testing.md"));
        for (Path test : SHOWN) {
            String source = Files.readString(test);
            String shown = source.substring(source.indexOf('\n', source.indexOf("package ")) + 1).strip();
            assertThat(page).as("docs/testing.md shows %s", test.getFileName()).contains(shown);
        }
    }
}
