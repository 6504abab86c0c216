package io.camelupbit.rest;

import java.util.function.Function;

/**
 * One REST operation: what to send, under which limit group, how to read the answer, and whether it may be sent again.
 *
 * @param method  {@code GET}, {@code POST} or {@code DELETE}
 * @param path    e.g. {@code /v1/orders}
 * @param params  the parameters: the query of a {@code GET}/{@code DELETE}, the JSON body of a {@code POST}
 * @param group   the limit group Upbit counts it in
 * @param signed  whether it needs the API key (exchange operations)
 * @param reader  reads a successful answer's body
 * @param repeat  whether a request that may have been processed may be sent again
 * @param lookup  for {@link Repeat#ORDER_WITH_IDENTIFIER}: the read that finds the order when a repeat is refused as a
 *                duplicate identifier; else {@code null}
 */
public record RestCall<T>(String method, String path, RestParams params, RestGroup group, boolean signed,
                          Function<String, T> reader, Repeat repeat, RestCall<T> lookup) {

    /** Whether a request may be sent again after an answer that leaves open whether Upbit processed it. */
    public enum Repeat {
        /** A read, or a cancel: sending it again changes nothing. */
        SAFE,
        /**
         * An order with an {@code identifier}: Upbit refuses a second order with it ({@code duplicated_identifier}),
         * so a repeat cannot place it twice, and the refusal means the first one was taken.
         */
        ORDER_WITH_IDENTIFIER,
        /** An order without identifier: never sent again once it may have reached Upbit. */
        NEVER
    }

    /** The request as logs and exceptions show it: method and path, never a parameter value. */
    String describe() {
        return method + " " + path;
    }
}
