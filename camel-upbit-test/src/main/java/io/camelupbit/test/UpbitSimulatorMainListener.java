package io.camelupbit.test;

import java.util.Objects;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs an {@link UpbitSimulator} with a Camel Main app and points the Upbit component at it:
 *
 * <pre>{@code
 * Main main = new Main();
 * main.configure().addRoutesBuilder(new MyRoutes());
 * main.addMainListener(new UpbitSimulatorMainListener());
 * main.run(args);
 * }</pre>
 *
 * <p>Before Camel initializes, the listener starts the simulator and sets {@code camel.component.upbit.url} and
 * {@code camel.component.upbit.rest-url} to its {@link UpbitSimulator#url()} and {@link UpbitSimulator#restUrl()}
 * as override properties of Camel's properties component, which win over {@code application.properties}, system
 * properties and environment variables. After Camel has stopped, it closes the simulator. Camel Main calls both
 * only from {@code run()}: an app that calls {@code start()} and {@code stop()} itself closes {@link #simulator()}
 * too.
 *
 * <p>camel-main is an optional dependency of this module: the app brings its own.
 */
public class UpbitSimulatorMainListener extends MainListenerSupport {

    private final UpbitSimulator simulator;

    /** A listener for a simulator with seed 7 on a free port. */
    public UpbitSimulatorMainListener() {
        this(UpbitSimulator.builder().seed(7).build());
    }

    /**
     * A listener for this simulator, which it starts and closes.
     *
     * @param simulator a simulator that is built but not started
     */
    public UpbitSimulatorMainListener(UpbitSimulator simulator) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
    }

    /** Starts the simulator and sets the component's {@code url} and {@code rest-url} to it. */
    @Override
    public void beforeInitialize(BaseMainSupport main) {
        simulator.start();
        // Override, not initial, properties: initial ones lose to application.properties, which may name Upbit.
        SimulatorProperties.of(simulator).forEach(
                (key, value) -> main.getCamelContext().getPropertiesComponent().addOverrideProperty(key, value));
    }

    /** Closes the simulator, once Camel has stopped (so no route sees it go away). */
    @Override
    public void afterStop(BaseMainSupport main) {
        simulator.close();
    }

    /** The simulator, running between {@code beforeInitialize} and {@code afterStop}. */
    public UpbitSimulator simulator() {
        return simulator;
    }
}
