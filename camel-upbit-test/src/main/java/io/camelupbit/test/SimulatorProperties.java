package io.camelupbit.test;

import java.util.LinkedHashMap;
import java.util.Map;

/** The component properties that point camel-upbit at a simulator, shared by the Camel Main and Spring wiring. */
final class SimulatorProperties {

    /** The component's WebSocket URL. */
    static final String URL = "camel.component.upbit.url";
    /** The component's REST base URL. */
    static final String REST_URL = "camel.component.upbit.rest-url";

    private SimulatorProperties() {
    }

    /** {@link #URL} and {@link #REST_URL} of this started simulator. */
    static Map<String, String> of(UpbitSimulator simulator) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(URL, simulator.url());
        properties.put(REST_URL, simulator.restUrl());
        return properties;
    }
}
