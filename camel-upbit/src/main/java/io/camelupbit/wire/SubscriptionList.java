package io.camelupbit.wire;

import java.util.List;

/**
 * Upbit's answer to {@code LIST_SUBSCRIPTIONS}: what the connection is subscribed to.
 *
 * @param ticket        the ticket of the request, echoed (Upbit has sent it as a string and as a number)
 * @param subscriptions type, codes and (orderbook) level of each subscription; the snapshot flags are not reported
 */
public record SubscriptionList(String ticket, List<TypeRequest> subscriptions) {

    public SubscriptionList {
        subscriptions = List.copyOf(subscriptions);
    }
}
