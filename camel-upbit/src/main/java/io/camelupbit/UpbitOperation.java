package io.camelupbit;

/** The REST operations, each an endpoint for {@code to(...)}: https://docs.upbit.com/kr/reference (Exchange API). */
enum UpbitOperation {
    ACCOUNTS("accounts", true),
    ORDER_CHANCE("orderChance", true),
    PLACE_ORDER("placeOrder", true),
    TEST_ORDER("testOrder", true),
    CANCEL_ORDER("cancelOrder", true),
    GET_ORDER("getOrder", true),
    OPEN_ORDERS("openOrders", true),
    CLOSED_ORDERS("closedOrders", true),
    /** Upbit's market list needs no key. */
    MARKETS("markets", false);

    static final String NAMES = "accounts,orderChance,placeOrder,testOrder,cancelOrder,getOrder,openOrders,"
            + "closedOrders,markets";

    private final String uriName;
    private final boolean signed;

    UpbitOperation(String uriName, boolean signed) {
        this.uriName = uriName;
        this.signed = signed;
    }

    String uriName() {
        return uriName;
    }

    /** Whether Upbit needs the API key for it. */
    boolean signed() {
        return signed;
    }

    /** The operation of an endpoint path, or {@code null} for a stream type. */
    static UpbitOperation of(String path) {
        for (UpbitOperation op : values()) {
            if (op.uriName.equals(path)) {
                return op;
            }
        }
        return null;
    }
}
