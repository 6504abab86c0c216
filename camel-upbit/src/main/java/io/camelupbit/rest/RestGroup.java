package io.camelupbit.rest;

/**
 * Upbit's REST rate-limit groups (https://docs.upbit.com/kr/reference/rate-limits, read 2026-12-05): exchange groups
 * count per API key's pocket, quotation groups per client IP, all in requests per second.
 */
public enum RestGroup {
    /** Accounts, order chance, reading, listing and cancelling orders. */
    DEFAULT("default", 30, true),
    /** Placing an order (12/s since 2026-08-21, 8/s before). */
    ORDER("order", 12, true),
    /** Testing an order. */
    ORDER_TEST("order-test", 8, true),
    /** Market lists and other quotation requests. */
    MARKET("market", 10, false);

    private final String upbitName;
    private final int perSecond;
    private final boolean perKey;

    RestGroup(String upbitName, int perSecond, boolean perKey) {
        this.upbitName = upbitName;
        this.perSecond = perSecond;
        this.perKey = perKey;
    }

    /** The group's name in Upbit's {@code Remaining-Req} header. */
    public String upbitName() {
        return upbitName;
    }

    public int perSecond() {
        return perSecond;
    }

    /** Whether counted per API key (exchange) rather than per IP (quotation). */
    public boolean perKey() {
        return perKey;
    }
}
