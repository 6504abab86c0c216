package io.camelupbit.test;

import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link UpbitSimulator} on its own, for demos and for clients that are not Camel routes:
 *
 * <pre>{@code
 * java -jar camel-upbit-test-<version>-standalone.jar --port 8080 --seed 7 --markets KRW-BTC,KRW-ETH
 * }</pre>
 *
 * <p>Once it listens it prints one line to standard output,
 * {@code Upbit simulator listening on ws://127.0.0.1:<port>/websocket/v1 (REST http://127.0.0.1:<port>)}, and runs
 * until the process is interrupted (Ctrl+C, SIGINT) or terminated (SIGTERM), when a shutdown hook closes the
 * simulator. {@code --help} lists the flags. An invalid command line prints what is wrong to standard error and exits
 * with status 2; a port that cannot be bound, with status 1.
 */
public final class SimulatorMain {

    /** The exit status of an invalid command line. */
    static final int USAGE_ERROR = 2;
    /** The exit status when the simulator cannot start, e.g. on a port in use. */
    static final int START_ERROR = 1;

    private SimulatorMain() {
    }

    /**
     * Parses the flags, starts the simulator and blocks until the JVM shuts down.
     *
     * @param args the flags; {@code --help} lists them
     * @throws InterruptedException if the main thread is interrupted while the simulator runs
     */
    public static void main(String... args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("upbit-simulator: " + e.getMessage());
            System.err.println("Run with --help to list the flags and their defaults.");
            System.exit(USAGE_ERROR);
            return;
        }
        if (options.help()) {
            System.out.print(SimulatorOptions.usage());
            return;
        }
        UpbitSimulator simulator = options.toBuilder().build();
        // Registered before start: a signal during start still closes whatever was started.
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, UpbitSimulator.THREAD_PREFIX + "-shutdown"));
        try {
            simulator.start();
        } catch (Exception e) {
            // Netty throws the bind failure unchecked or as a sneaky IOException: one line, no stack trace.
            System.err.println("upbit-simulator: cannot listen on 127.0.0.1:" + options.port() + ": " + e);
            System.exit(START_ERROR);
            return;
        }
        System.out.println("Upbit simulator listening on " + simulator.url() + " (REST " + simulator.restUrl() + ")");
        System.out.flush();
        // The simulator's threads are daemons: this thread keeps the JVM up until a signal ends it.
        new CountDownLatch(1).await();
    }
}
