package io.camelupbit.examples.yamlroutes;

import java.time.Instant;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.TimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.test.UpbitSimulator;

/**
 * A Camel Main whose routes are all YAML ({@code src/main/resources/routes/*.camel.yaml}, found through
 * {@code camel.main.routes-include-pattern}) and whose settings are all in {@code application.properties}.
 * <p>
 * By default it starts the embedded Upbit simulator before Camel starts and points
 * {@code camel.component.upbit.url} at it, so it runs anywhere without network access. With
 * {@code yaml-routes.live=true} (e.g. {@code -Dyaml-routes.live=true}) it connects to the real Upbit instead.
 */
public final class YamlRoutes {

    /** The one switch: {@code true} for the real Upbit, {@code false} (default) for the embedded simulator. */
    public static final String LIVE = "yaml-routes.live";
    /** The registry name of the embedded simulator (simulator mode only). */
    public static final String SIMULATOR_BEAN = "upbitSimulator";

    private static final Logger LOG = LoggerFactory.getLogger(YamlRoutes.class);

    private YamlRoutes() {
    }

    public static void main(String[] args) throws Exception {
        create().run(args);
    }

    /**
     * A Camel Main for the example. Whether it runs against the simulator is decided when it starts, from
     * {@value #LIVE} (system property, environment {@code YAML_ROUTES_LIVE}, override property or
     * application.properties, in Camel's usual order); so are the simulator's settings
     * ({@code yaml-routes.simulator.*}).
     */
    public static Main create() {
        Main main = new Main();
        main.addMainListener(new SimulatorMode());
        return main;
    }

    /** Starts the simulator before Camel configures the component, stops it after Camel stopped. */
    private static final class SimulatorMode extends MainListenerSupport {

        private UpbitSimulator simulator;

        @Override
        public void beforeInitialize(BaseMainSupport support) {
            // the properties component already knows application.properties, the override and the system properties
            PropertiesComponent properties = support.getCamelContext().getPropertiesComponent();
            if (Boolean.parseBoolean(properties.resolveProperty(LIVE).orElse("false"))) {
                LOG.info("Live mode: connecting to the real Upbit");
                return;
            }
            UpbitSimulator.Builder builder = UpbitSimulator.builder()
                    .seed(Long.parseLong(properties.resolveProperty("yaml-routes.simulator.seed").orElse("2026")))
                    .speed(Double.parseDouble(properties.resolveProperty("yaml-routes.simulator.speed").orElse("1")));
            properties.resolveProperty("yaml-routes.simulator.tick-interval")
                    .map(TimeUtils::toDuration).ifPresent(builder::tickInterval);
            properties.resolveProperty("yaml-routes.simulator.start").filter(s -> !s.isBlank())
                    .map(Instant::parse).ifPresent(builder::simulatedStart);
            simulator = builder.build().start();
            // override properties of the properties component, so they win over application.properties (an initial
            // property would lose to a url set there)
            properties.addOverrideProperty("camel.component.upbit.url", simulator.url());
            properties.addOverrideProperty("camel.component.upbit.rest-url", simulator.restUrl());
            support.getCamelContext().getRegistry().bind(SIMULATOR_BEAN, simulator);
        }

        @Override
        public void afterStop(BaseMainSupport support) {
            if (simulator != null) {
                simulator.close();
            }
        }
    }
}
