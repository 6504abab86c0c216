package io.camelupbit.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * JUnit 5 extension that runs an {@link UpbitSimulator} for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.seed(7).speed(10));
 * }</pre>
 *
 * <p>Registered on a static field it starts the simulator on a free port before all tests, {@link
 * UpbitSimulator#reset() resets} it before each test and closes it after all. Registered on an instance field, it
 * starts before each test and closes after it. Nested classes share their outer class's simulator.
 *
 * <p>JUnit is an optional dependency of this module: this is the only class that uses it.
 */
public final class UpbitSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Consumer<UpbitSimulator.Builder> configuration;
    private UpbitSimulator simulator;
    /** The context that started the simulator, which alone may close it. */
    private ExtensionContext owner;

    private UpbitSimulatorExtension(Consumer<UpbitSimulator.Builder> configuration) {
        this.configuration = Objects.requireNonNull(configuration);
    }

    /** An extension with the simulator's defaults. */
    public static UpbitSimulatorExtension create() {
        return new UpbitSimulatorExtension(b -> { });
    }

    /** An extension whose simulator is configured by this function (the port stays free unless set). */
    public static UpbitSimulatorExtension create(Consumer<UpbitSimulator.Builder> configuration) {
        return new UpbitSimulatorExtension(configuration);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startIfNeeded(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!startIfNeeded(context)) {
            simulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopIfOwner(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfOwner(context);
    }

    /** The running simulator. */
    public UpbitSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator runs only while tests of its class run");
        }
        return simulator;
    }

    /** {@link UpbitSimulator#url()} of the running simulator. */
    public String url() {
        return simulator().url();
    }

    /** {@link UpbitSimulator#privateUrl()} of the running simulator. */
    public String privateUrl() {
        return simulator().privateUrl();
    }

    /** {@link UpbitSimulator#infoUrl()} of the running simulator. */
    public String infoUrl() {
        return simulator().infoUrl();
    }

    /** {@link UpbitSimulator#restUrl()} of the running simulator. */
    public String restUrl() {
        return simulator().restUrl();
    }

    private synchronized boolean startIfNeeded(ExtensionContext context) {
        if (simulator != null) {
            return false;
        }
        UpbitSimulator.Builder builder = UpbitSimulator.builder();
        configuration.accept(builder);
        simulator = builder.build().start();
        owner = context;
        return true;
    }

    private synchronized void stopIfOwner(ExtensionContext context) {
        if (simulator != null && owner == context) {
            simulator.close();
            simulator = null;
            owner = null;
        }
    }
}
