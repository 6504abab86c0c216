package io.camelupbit.test;

/**
 * What a subscribe message with a ticket but no data-type objects does. Upbit does not say
 * (upbit-protocol.md §3.1, "probably NO_TYPE").
 */
public enum EmptySubscription {
    /** Answer with the error {@code NO_TYPE}; the previous subscription stays. */
    ERROR_NO_TYPE,
    /** Accept it: the connection's subscription set becomes empty and its streams stop. */
    ACCEPT_EMPTY
}
