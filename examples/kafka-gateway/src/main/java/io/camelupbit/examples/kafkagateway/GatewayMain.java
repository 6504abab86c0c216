package io.camelupbit.examples.kafkagateway;

import org.apache.camel.main.Main;

/**
 * A gateway process: {@link GatewayRoutes} under Camel Main. Configured like any Camel Main application
 * ({@code application.properties}, {@code -D} system properties or environment variables): {@code gateway.name},
 * {@code gateway.codes}, {@code camel.component.kafka.brokers}, and the {@code camel.component.upbit.*} options.
 */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new GatewayRoutes());
        main.run(args);
    }
}
