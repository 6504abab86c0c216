package io.camelupbit.test;

/**
 * Upbit's REST rate-limit groups that the simulator serves (research-rest.md §3), with their default limits per
 * rolling second: the Exchange groups count per API key (Upbit counts per pocket, which holds the account's keys;
 * the simulator has one key per account), the Quotation group {@code market} per client IP.
 */
enum RestGroup {
    /** Accounts, order chance, order lookups and lists, cancels: 30 per second per key. */
    DEFAULT("default", 30, false),
    /** {@code POST /v1/orders}: 12 per second per key. */
    ORDER("order", 12, false),
    /** {@code POST /v1/orders/test}: 8 per second per key. */
    ORDER_TEST("order-test", 8, false),
    /** {@code GET /v1/market/all}: 10 per second per client IP. */
    MARKET("market", 10, true);

    private final String headerName;
    private final int defaultPerSecond;
    private final boolean perIp;

    RestGroup(String headerName, int defaultPerSecond, boolean perIp) {
        this.headerName = headerName;
        this.defaultPerSecond = defaultPerSecond;
        this.perIp = perIp;
    }

    /** The name in the {@code Remaining-Req} header and in {@link UpbitSimulator.Builder#restLimit}. */
    String headerName() {
        return headerName;
    }

    int defaultPerSecond() {
        return defaultPerSecond;
    }

    /** Whether requests count per client IP (Quotation) rather than per API key (Exchange). */
    boolean perIp() {
        return perIp;
    }

    /** The group of this header name, or {@code null}. */
    static RestGroup byName(String name) {
        for (RestGroup group : values()) {
            if (group.headerName.equals(name)) {
                return group;
            }
        }
        return null;
    }
}
