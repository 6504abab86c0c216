package io.camelupbit.test;

import java.util.List;

/** A valid client request. */
sealed interface Request {

    /** A subscribe message: replaces the connection's subscription set. {@code format} is null when absent. */
    record Subscribe(String ticket, List<Subscription> subscriptions, Format format) implements Request {
        public Subscribe {
            subscriptions = List.copyOf(subscriptions);
        }
    }

    /** {@code LIST_SUBSCRIPTIONS}. {@code format} is null when absent. */
    record ListSubscriptions(String ticket, Format format) implements Request {
    }

    /** The text keep-alive {@code PING}. */
    record Ping() implements Request {
    }
}
