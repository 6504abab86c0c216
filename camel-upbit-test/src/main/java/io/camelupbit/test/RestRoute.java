package io.camelupbit.test;

/** The REST endpoints the simulator serves: method, exact path, rate-limit group, and whether a JWT is needed. */
enum RestRoute {
    ACCOUNTS("GET", "/v1/accounts", RestGroup.DEFAULT, true),
    CHANCE("GET", "/v1/orders/chance", RestGroup.DEFAULT, true),
    ORDER_NEW("POST", "/v1/orders", RestGroup.ORDER, true),
    ORDER_TEST("POST", "/v1/orders/test", RestGroup.ORDER_TEST, true),
    ORDER_GET("GET", "/v1/order", RestGroup.DEFAULT, true),
    ORDER_CANCEL("DELETE", "/v1/order", RestGroup.DEFAULT, true),
    ORDERS_OPEN("GET", "/v1/orders/open", RestGroup.DEFAULT, true),
    ORDERS_CLOSED("GET", "/v1/orders/closed", RestGroup.DEFAULT, true),
    ORDERS_BY_IDS("GET", "/v1/orders/uuids", RestGroup.DEFAULT, true),
    MARKET_ALL("GET", "/v1/market/all", RestGroup.MARKET, false);

    private final String method;
    private final String path;
    private final RestGroup group;
    private final boolean authenticated;

    RestRoute(String method, String path, RestGroup group, boolean authenticated) {
        this.method = method;
        this.path = path;
        this.group = group;
        this.authenticated = authenticated;
    }

    RestGroup group() {
        return group;
    }

    /** Whether the request needs {@code Authorization: Bearer <JWT>} (the Exchange API). */
    boolean authenticated() {
        return authenticated;
    }

    /** The route of this method and path, or {@code null} when the simulator serves none. */
    static RestRoute of(String method, String path) {
        for (RestRoute route : values()) {
            if (route.method.equals(method) && route.path.equals(path)) {
                return route;
            }
        }
        return null;
    }
}
