package io.camelupbit.examples.signals;

/**
 * Where the orders of signals go, chosen by the mode at start.
 *
 * @param placeUri    the endpoint an order goes to: {@code upbit:placeOrder}, {@code upbit:testOrder} (Upbit validates
 *                    it and places nothing) or a log
 * @param cancelUri   the endpoint that cancels the app's orders still open when the next signal comes; {@code null}
 *                    when no order is ever placed
 * @param description what it means, for the line logged at start
 */
public record OrderTarget(String placeUri, String cancelUri, String description) {

    /** Orders are placed for real (on the simulator: in its demo account). */
    public static OrderTarget placing(String description) {
        return new OrderTarget("upbit:placeOrder", "upbit:cancelOrder", description);
    }

    /** Upbit's validation endpoint: every order is checked, none is placed. */
    public static OrderTarget validating() {
        return new OrderTarget("upbit:testOrder", null, "upbit:testOrder (Upbit validates each order and places "
                + "nothing; signals.trade-for-real=true places them)");
    }

    /** No keys: orders are only logged. */
    public static OrderTarget logging() {
        return new OrderTarget("log:io.camelupbit.examples.signals.paper-trade", null,
                "the log only (no Upbit keys, no order is sent)");
    }

    /** Whether orders reach an account. */
    public boolean places() {
        return cancelUri != null;
    }
}
