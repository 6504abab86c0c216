package io.camelupbit.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The simulator run on its own, as {@code java -jar} runs it: a process of its own, which a client that is no Camel
 * route (the JDK's WebSocket) subscribes to, and which SIGTERM stops cleanly.
 */
class SimulatorMainTest {

    private static final Pattern LISTENING = Pattern.compile("Upbit simulator listening on "
            + "(ws://127\\.0\\.0\\.1:(\\d+)/websocket/v1) \\(REST http://127\\.0\\.0\\.1:(\\d+)\\)");
    private static final long STARTUP_SECONDS = 60;
    private static final long EXIT_SECONDS = 20;

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void killTheProcess() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void theStandaloneSimulatorServesTickersToAPlainWebSocketClientAndStopsOnSigterm() throws Exception {
        List<String> stdout = new CopyOnWriteArrayList<>();
        CompletableFuture<Matcher> listening = new CompletableFuture<>();
        process = simulator("--port", "0", "--seed", "7", "--markets", "KRW-BTC");
        Thread reader = readLines(process, stdout, listening);

        Matcher line = awaitListening(listening);
        assertThat(line.group(3)).isEqualTo(line.group(2));
        assertThat(Integer.parseInt(line.group(2))).isPositive();

        try (WsClient client = WsClient.connect(line.group(1))) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]},{\"format\":\"DEFAULT\"}]");
            WsClient.Frame ticker = client.next(text -> text.contains("\"type\":\"ticker\""));

            assertThat(ticker.binary()).as("Upbit sends data frames as binary").isTrue();
            assertThat(ticker.text()).startsWith("{").endsWith("}")
                    .contains("\"type\":\"ticker\"", "\"code\":\"KRW-BTC\"", "\"trade_price\":");
        }

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        // 128 + SIGTERM: the JVM ran its shutdown hooks and ended as a signal ends it
        assertThat(process.exitValue()).isEqualTo(143);
        assertThat(stderr()).doesNotContain("Exception", "\tat ");
        reader.join(TimeUnit.SECONDS.toMillis(EXIT_SECONDS));
        assertThat(stdout).as("stdout, read to its end").containsExactly(line.group());
    }

    @Test
    void anInvalidFlagExitsWithStatusTwoNamingTheFlagAndItsForm() throws Exception {
        process = simulator("--port", "abc");

        assertThat(process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr()).contains("invalid value 'abc' for --port: expected --port N, an integer from 0 to 65535")
                .contains("--help").doesNotContain("\tat ");
    }

    /** {@code java -cp <this test's class path> io.camelupbit.test.SimulatorMain args}, stderr into a file. */
    private Process simulator(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                SimulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    /**
     * Reads the process's stdout on a thread of its own, completing {@code listening} with its first line, which must
     * be the listening line.
     */
    private static Thread readLines(Process process, List<String> lines, CompletableFuture<Matcher> listening) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.matches()) {
                        listening.complete(matcher);
                    } else {
                        listening.completeExceptionally(new AssertionError("the first line on stdout is '" + line
                                + "', not 'Upbit simulator listening on ws://127.0.0.1:<port>/websocket/v1 "
                                + "(REST http://127.0.0.1:<port>)'"));
                    }
                }
                listening.completeExceptionally(new IllegalStateException("stdout ended without the listening line: "
                        + lines));
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
        }, "simulator-stdout");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private Matcher awaitListening(CompletableFuture<Matcher> listening) throws Exception {
        try {
            return listening.get(STARTUP_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("no line on stdout within " + STARTUP_SECONDS + " s; stderr:\n" + stderr());
        } catch (ExecutionException e) {
            return fail(e.getCause().getMessage() + "; stderr:\n" + stderr());
        }
    }

    private String stderr() throws IOException {
        Path file = dir.resolve("stderr.txt");
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
