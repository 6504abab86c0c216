package io.camelupbit.examples.signals;

import org.apache.camel.builder.RouteBuilder;

import io.camelupbit.UpbitConstants;

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
        from("timer:starting-balances?repeatCount=1").routeId("starting-balances")
                .to("upbit:accounts")
                .bean(activity, "onStartingBalances");
        from("upbit:myOrder").routeId("my-orders")
                .bean(activity, "onOrder(${body}, ${header." + UpbitConstants.RECONCILED + "})");
        from("upbit:myAsset").routeId("my-assets").bean(activity, "onAsset");
    }
}
