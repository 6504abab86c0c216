package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorOptionsTest {

    @Test
    void anEmptyCommandLineGivesTheDefaults() {
        SimulatorOptions options = SimulatorOptions.parse();

        assertThat(options).isEqualTo(SimulatorOptions.DEFAULTS);
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.markets()).isEmpty();
        assertThat(options.speed()).isEqualTo(1.0);
        assertThat(options.tickInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(options.apiKeys()).isEmpty();
        assertThat(options.connectLimitPerSecond()).isEqualTo(5);
        assertThat(options.messagesPerSecond()).isEqualTo(5);
        assertThat(options.messagesPerMinute()).isEqualTo(100);
        assertThat(options.overLimit()).isEqualTo(OverLimitBehavior.CLOSE_1008);
        assertThat(options.closeAfterError()).isFalse();
        assertThat(options.compression()).isTrue();
        assertThat(options.fillRestingOrders()).isFalse();
        assertThat(options.help()).isFalse();
    }

    @Test
    void everyFlagIsParsed() {
        SimulatorOptions options = SimulatorOptions.parse("--port", "0", "--seed", "-42",
                "--markets", "KRW-BTC,KRW-ETH, BTC-XRP", "--speed", "2.5", "--tick-interval-ms", "50",
                "--keys", "access-1:secret:with:colons", "--keys=access-2:s2",
                "--connect-limit-per-second", "9", "--message-limits", "7,70", "--over-limit", "error-frame",
                "--close-after-error", "--compression", "off", "--fill-resting-orders");

        assertThat(options).isEqualTo(new SimulatorOptions(0, -42, List.of("KRW-BTC", "KRW-ETH", "BTC-XRP"), 2.5,
                Duration.ofMillis(50), Map.of("access-1", "secret:with:colons", "access-2", "s2"), 9, 7, 70,
                OverLimitBehavior.ERROR_FRAME, true, false, true, false));
        assertThat(options.apiKeys().keySet()).containsExactly("access-1", "access-2");
    }

    @Test
    void aValueMayFollowAnEqualsSignAndTheLastOfARepeatedFlagWins() {
        SimulatorOptions options = SimulatorOptions.parse("--port=9000", "--seed=1", "--seed", "2",
                "--over-limit=IGNORE", "--compression=ON");

        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.seed()).isEqualTo(2);
        assertThat(options.overLimit()).isEqualTo(OverLimitBehavior.IGNORE);
        assertThat(options.compression()).isTrue();
    }

    @Test
    void helpIsAskedForWithEitherSpelling() {
        assertThat(SimulatorOptions.parse("--help").help()).isTrue();
        assertThat(SimulatorOptions.parse("--port", "1", "-h").help()).isTrue();
    }

    @Test
    void theUsageListsEveryFlagWithItsDefault() {
        String usage = SimulatorOptions.usage();

        for (SimulatorOptions.Flag flag : SimulatorOptions.Flag.values()) {
            assertThat(usage).contains(flag.form());
        }
        assertThat(usage).contains("--port N", "(default 8080)", "--seed N", "(default 7)", "(default 1)",
                "(default 200)", "--keys ACCESS:SECRET", "(default 5,100)", "(default close)", "(default on)");
    }

    @Test
    void theOptionsConfigureABuilderThatBuildsAWorkingSimulator() {
        SimulatorOptions options = SimulatorOptions.parse("--port", "0", "--markets", "KRW-BTC,KRW-ETH",
                "--keys", "access:secret");

        try (UpbitSimulator simulator = options.toBuilder().build().start()) {
            assertThat(simulator.port()).isPositive();
            assertThat(simulator.market().codes()).containsExactlyInAnyOrder("KRW-BTC", "KRW-ETH");
            assertThat(simulator.market().seed()).isEqualTo(7);
            assertThat(simulator.account("access")).isNotNull();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--port abc             | invalid value 'abc' for --port: expected --port N, an integer from 0 to 65535",
            "--port 70000           | invalid value '70000' for --port: expected --port N",
            "--port                 | missing value for --port: expected --port N",
            "--port --seed 3        | missing value for --port: expected --port N",
            "--seed 1.5             | invalid value '1.5' for --seed: expected --seed N, an integer",
            "--markets KRW-BTC,btc  | invalid value 'KRW-BTC,btc' for --markets: expected --markets CODE,...",
            "--speed 0              | invalid value '0' for --speed: expected --speed F, a positive number",
            "--speed fast           | invalid value 'fast' for --speed: expected --speed F",
            "--tick-interval-ms 0   | invalid value '0' for --tick-interval-ms: expected --tick-interval-ms N",
            "--keys nosecret        | invalid value 'nosecret' for --keys: expected --keys ACCESS:SECRET",
            "--keys :secret         | invalid value ':secret' for --keys: expected --keys ACCESS:SECRET",
            "--keys access:         | invalid value 'access:' for --keys: expected --keys ACCESS:SECRET",
            "--connect-limit-per-second 0 | invalid value '0' for --connect-limit-per-second: expected "
                    + "--connect-limit-per-second N",
            "--message-limits 5     | invalid value '5' for --message-limits: expected --message-limits PER_S,PER_MIN",
            "--message-limits 5,x   | invalid value '5,x' for --message-limits: expected --message-limits "
                    + "PER_S,PER_MIN",
            "--over-limit drop      | invalid value 'drop' for --over-limit: expected --over-limit MODE, "
                    + "close, error-frame or ignore",
            "--compression yes      | invalid value 'yes' for --compression: expected --compression on|off",
            "--close-after-error=true | --close-after-error takes no value: expected --close-after-error",
            "--host 0.0.0.0         | unknown flag --host: the flags are --port, --seed, --markets",
            "8080                   | unexpected argument '8080': the flags are --port,"
    })
    void aBadCommandLineIsRefusedNamingTheFlagAndItsForm(String commandLine, String message) {
        String[] args = commandLine.split(" ");

        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.parse(args))
                .withMessageStartingWith(message);
    }
}
