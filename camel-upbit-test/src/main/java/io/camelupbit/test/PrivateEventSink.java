package io.camelupbit.test;

/** Where a {@link SimAccount} sends its {@code myOrder} and {@code myAsset} events: the account's connections. */
@FunctionalInterface
interface PrivateEventSink {

    /** Delivers these events, in order, to every open private connection of this access key subscribed to them. */
    void publish(String accessKey, java.util.List<DataItem> events);
}
