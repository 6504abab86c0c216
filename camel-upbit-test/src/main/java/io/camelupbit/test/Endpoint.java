package io.camelupbit.test;

/** The WebSocket paths the simulator serves, and whether their handshake needs a JWT. */
enum Endpoint {
    /** {@code /websocket/v1}: the quotation types. */
    PUBLIC(SimulatorSettings.PUBLIC_PATH, false),
    /** {@code /websocket/v1/private}: {@code myOrder}, {@code myAsset} and {@code announcement}. */
    PRIVATE(SimulatorSettings.PRIVATE_PATH, true),
    /** {@code /websocket/v1/info}: {@code indicator} and {@code indicator_signal}. */
    INFO(SimulatorSettings.INFO_PATH, true);

    private final String path;
    private final boolean authenticated;

    Endpoint(String path, boolean authenticated) {
        this.path = path;
        this.authenticated = authenticated;
    }

    /** Whether the handshake needs {@code Authorization: Bearer <JWT>}. */
    boolean authenticated() {
        return authenticated;
    }

    /** The endpoint of this exact request path, or {@code null} when the simulator serves none there. */
    static Endpoint ofPath(String path) {
        for (Endpoint e : values()) {
            if (e.path.equals(path)) {
                return e;
            }
        }
        return null;
    }
}
