package io.camelupbit.examples.signals;

import org.apache.camel.builder.RouteBuilder;

/** The private streams: the account's orders and balances (keys from the component). */
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
        from("upbit:myOrder").routeId("my-orders").bean(activity, "onOrder");
        from("upbit:myAsset").routeId("my-assets").bean(activity, "onAsset");
    }
}
