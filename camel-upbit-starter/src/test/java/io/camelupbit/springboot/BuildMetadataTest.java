package io.camelupbit.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.camelupbit.UpbitComponent;
import io.camelupbit.test.UpbitSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What README and camel-upbit-bom tell users agrees with what the build uses (the versions come from the poms through
 * surefire), and every published module carries the license and notice.
 */
class BuildMetadataTest {

    private static final Path ROOT = Path.of(System.getProperty("build.root", "..")).toAbsolutePath().normalize();

    @Test
    void readmeStatesTheCamelBootAndJavaVersionsTheBuildUses() throws IOException {
        // the text as read: line breaks are spaces
        String readme = Files.readString(ROOT.resolve("README.md")).replaceAll("\\s+", " ");
        String camel = property("build.camel.version");
        String boot = property("build.spring-boot.version");
        String camelBoot = property("build.camel-spring-boot.version");
        assertThat(readme).contains("Java " + property("build.java.release") + " or newer",
                "Apache Camel " + minor(camel) + " (built and tested with " + camel + ")",
                "Spring Boot " + minor(boot) + " with camel-spring-boot " + minor(camelBoot),
                "(tested with Spring Boot " + boot + ")");
        String starterReadme = Files.readString(ROOT.resolve("camel-upbit-starter/README.md")).replaceAll("\\s+", " ");
        assertThat(starterReadme).contains("Spring Boot " + minor(boot) + " auto-configuration",
                "(Camel " + minor(camel) + ", camel-spring-boot " + minor(camelBoot) + ")",
                "<version>" + boot + "</version>", "<version>" + camelBoot + "</version>",
                "<netty.version>" + property("build.netty.version") + "</netty.version>",
                "<jackson-2-bom.version>" + property("build.jackson.version") + "</jackson-2-bom.version>");
    }

    @Test
    void theBomPinsOurModulesAndTheNettyAndJacksonTheBuildTestsWith() throws IOException {
        String bom = Files.readString(ROOT.resolve("camel-upbit-bom/pom.xml"));
        String version = property("build.project.version");
        assertThat(bom).contains("<artifactId>camel-upbit-bom</artifactId>\n    <version>" + version + "</version>");
        for (String module : List.of("camel-upbit", "camel-upbit-test", "camel-upbit-starter")) {
            assertThat(bom).contains("<artifactId>" + module + "</artifactId>\n                <version>" + version
                    + "</version>");
        }
        assertThat(bom).contains("<artifactId>netty-bom</artifactId>\n                <version>"
                + property("build.netty.version") + "</version>");
        assertThat(bom).contains("<artifactId>jackson-bom</artifactId>\n                <version>"
                + property("build.jackson.version") + "</version>");
        // and no parent: an imported BOM would bring its parent's test libraries along
        assertThat(bom).doesNotContain("<parent>");
    }

    @Test
    void everyPublishedModuleCarriesTheLicenseAndNotice() throws URISyntaxException {
        for (Class<?> module : List.of(UpbitComponent.class, UpbitSimulator.class,
                UpbitComponentAutoConfiguration.class)) {
            Path location = Path.of(module.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (String entry : List.of("META-INF/LICENSE", "META-INF/NOTICE")) {
                assertThat(resource(location, entry)).as("%s in %s", entry, location).isTrue();
            }
        }
    }

    /** Whether a jar or a classes directory holds an entry. */
    private static boolean resource(Path location, String entry) {
        if (Files.isDirectory(location)) {
            return Files.isRegularFile(location.resolve(entry));
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.getEntry(entry) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by the starter's surefire configuration)", name).isNotBlank();
        return value;
    }

    /** {@code 4.22} of {@code 4.22.0}. */
    private static String minor(String version) {
        Matcher m = Pattern.compile("(\\d+\\.\\d+)\\..*").matcher(version);
        assertThat(m.matches()).as(version).isTrue();
        return m.group(1);
    }
}
