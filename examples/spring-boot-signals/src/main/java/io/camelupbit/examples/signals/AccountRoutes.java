package io.camelupbit.examples.signals;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import io.camelupbit.UpbitConstants;
import io.camelupbit.error.UpbitException;

/**
 * The account: its balances read once at start ({@code upbit:accounts}), then its orders and balances from the private
 * streams (keys from the component), which reconcile after every gap: the state read over REST comes first, marked.
 */
public class AccountRoutes extends RouteBuilder {

    private final AccountActivity activity;

    /**
     * @param activity where the events go
     */
    public AccountRoutes(AccountActivity activity) {
        this.activity = activity;
    }

    @Override
    public void configure() {
        // what Upbit or the connection raises (refused keys, an error frame, a connection that gave up, a failed read):
        // the consumers' reach it through bridgeErrorHandler=true; the streams go on, reconciled after the gap
        onException(UpbitException.class).handled(true)
                .log(LoggingLevel.WARN, "Upbit account stream: ${exception.message}");

        from("timer:starting-balances?repeatCount=1").routeId("starting-balances")
                .to("upbit:accounts")
                .bean(activity, "onStartingBalances");
        from("upbit:myOrder?bridgeErrorHandler=true").routeId("my-orders")
                .bean(activity, "onOrder(${body}, ${header." + UpbitConstants.RECONCILED + "})");
        from("upbit:myAsset?bridgeErrorHandler=true").routeId("my-assets").bean(activity, "onAsset");
    }
}
