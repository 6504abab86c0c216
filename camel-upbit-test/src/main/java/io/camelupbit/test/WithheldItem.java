package io.camelupbit.test;

import java.time.Instant;

/**
 * One data item a connection fault kept from a client: due on that connection (so another connection subscribed to
 * the same stream got it, as a {@link SentItem} with the same {@code type}, {@code code} and {@code key}), but never
 * written, so it is not in the {@link UpbitSimulator#sentLog() sent log}. Read them with
 * {@link SimConnection#withheldItems()}.
 *
 * @param connectionId the {@link SimConnection#id()} it was due on
 * @param withheldAt   the simulator's wall-clock time at which it was due and withheld
 * @param reason       which fault withheld it
 * @param type         as in {@link SentItem#type()}
 * @param code         as in {@link SentItem#code()}
 * @param streamType   as in {@link SentItem#streamType()}
 * @param key          as in {@link SentItem#key()}
 */
public record WithheldItem(String connectionId, Instant withheldAt, Reason reason, String type, String code,
                           String streamType, String key) {

    /** Why an item was withheld. */
    public enum Reason {
        /** The connection was {@link SimConnection#goSilent() silent} when the item was due. */
        SILENT,
        /** The connection had items to drop ({@link SimConnection#dropNextItems(String, int)}). */
        DROPPED
    }
}
