package io.camelupbit.test;

import java.time.Instant;

/**
 * One data item the simulator wrote to a connection, as recorded in its {@link SentLog}: a market data snapshot or
 * realtime item, a private {@code myOrder}/{@code myAsset} event, an {@code announcement}, or an {@code indicator}
 * or {@code indicator_signal} item. A list-format frame of several items gives one
 * entry per item. Raw pushes ({@link SimConnection#push}, {@link SimConnection#pushText},
 * {@link UpbitSimulator#pushToAll}) and status, error and list-response frames are not recorded.
 *
 * @param connectionId the {@link SimConnection#id()} it was written to ({@code c1}, {@code c2}, ...)
 * @param sequence     simulator-wide write order: increasing across all connections, starting at 1, never reused
 *                     (not even after {@link UpbitSimulator#reset()})
 * @param sentAt       the simulator's wall-clock time at which the item was handed to the channel (not when the
 *                     bytes left the socket, nor when the client read them)
 * @param type         Upbit's {@code type} of the item: {@code ticker}, {@code trade}, {@code orderbook},
 *                     {@code candle.1s} ... {@code candle.240m}, {@code myOrder}, {@code myAsset},
 *                     {@code announcement}, {@code indicator} or {@code indicator_signal}
 * @param code         the bare market code, e.g. {@code KRW-BTC} (an orderbook's {@code .N} depth suffix is never
 *                     part of it); {@code null} for {@code myAsset} and {@code announcement}
 * @param streamType   {@code SNAPSHOT} or {@code REALTIME}, the item's {@code stream_type} (private events are
 *                     always {@code REALTIME})
 * @param key          the item's natural identity as a client sees it in the JSON: for {@code trade} its
 *                     {@code sequential_id} in decimal; for {@code myOrder}
 *                     {@code uuid|state|trade_uuid|executed_volume} with the state lower-case as written
 *                     ({@code wait}, {@code trade}, {@code done}, {@code cancel}), {@code trade_uuid} as written or
 *                     {@code null}, and {@code executed_volume} in the plain decimal text written (e.g.
 *                     {@code 0.004}); for {@code myAsset} its {@code asset_uuid}; for {@code ticker} and
 *                     {@code orderbook} its {@code timestamp} (epoch millis) in decimal; for candles the
 *                     {@code timestamp} then {@code |} and the {@code candle_date_time_utc} text
 *                     ({@code 1735689600000|2025-01-01T00:00:00}); for {@code announcement}
 *                     {@code uuid|event_type|listed_at} ({@code 562593104|CREATED|2026-07-14T16:36:34+09:00}); for
 *                     {@code indicator} {@code timeframe|indicator|params|candle_date_time_utc} with the params as
 *                     written, DEFAULT names ({@code 5m|bollinger_bands|period=20,multiplier=2.0|2026-09-03T04:50:00}),
 *                     and for {@code indicator_signal} the trigger and event params (empty when it takes none)
 *                     before the time ({@code 5m|rsi|period=7|overbought|threshold=70|2026-09-03T04:50:00}). Keys of
 *                     trades, orders, assets, announcements and indicators identify one event; ticker, orderbook and
 *                     candle keys may repeat (two items of one millisecond)
 */
public record SentItem(String connectionId, long sequence, Instant sentAt, String type, String code,
                       String streamType, String key) {
}
