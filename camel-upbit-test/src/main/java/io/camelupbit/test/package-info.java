/**
 * An embedded Upbit WebSocket and REST simulator for tests and demos.
 *
 * <p>{@link io.camelupbit.test.UpbitSimulator} serves Upbit's public, private and info WebSocket protocol
 * (upbit-protocol.md, research-new-streams.md) over a real loopback socket with Netty, with its own request parser and
 * frame writer (Jackson streaming), so that a client's codec is checked against an independent implementation.
 * {@link io.camelupbit.test.UpbitSimulatorExtension} runs one for a JUnit 5 test class; JUnit is an optional
 * dependency used by that class only.
 *
 * <p>Outside JUnit: {@link io.camelupbit.test.SimulatorMain} runs the simulator on its own (the
 * {@code standalone} jar, {@code java -jar}); {@link io.camelupbit.test.UpbitSimulatorMainListener} runs one with a
 * Camel Main app and {@link io.camelupbit.test.UpbitSimulatorInitializer} with a Spring application context, each
 * pointing {@code camel.component.upbit.url} and {@code rest-url} at it (camel-main and spring-context are optional
 * dependencies, used by those classes only).
 *
 * <p>REST on the same port ({@link io.camelupbit.test.UpbitSimulator#restUrl()}, research-rest.md): Upbit's Exchange
 * API for balances and orders (accounts, order chance, new and test orders, order lookup and cancel, open, closed and
 * listed orders) over the same {@link io.camelupbit.test.SimAccount}s, and the market list; Upbit's JWT with the
 * {@code query_hash} computed from what arrived, nonces spent once per key, the rate-limit groups with their
 * {@code Remaining-Req} header, Upbit's error names. Every request is recorded
 * ({@link io.camelupbit.test.UpbitSimulator#restCalls()}, {@link io.camelupbit.test.RestCall}).
 *
 * <p>Fault injection for resilience tests: refused, delayed and stalled handshakes on the simulator
 * ({@link io.camelupbit.test.UpbitSimulator#refuseHandshakes}, {@code delayHandshakes}, {@code stallHandshakes}), and
 * on one connection, the others untouched: abrupt drops, silent (half-open) peers that may resume, dropped and
 * held-back items ({@link io.camelupbit.test.SimConnection#dropAbruptly},
 * {@link io.camelupbit.test.SimConnection#goSilent}, {@code resume}, {@code dropNextItems}, {@code holdItems}),
 * recorded as {@link io.camelupbit.test.WithheldItem}s. Connections subscribed to the same stream get identical
 * items, so redundant lines can be compared item by item; on REST, a server that is down, queued error statuses, late
 * answers and orders placed but never answered ({@link io.camelupbit.test.UpbitSimulator#restDown},
 * {@code failRest}, {@code delayRest}, {@code takeOrdersWithoutAnswer}).
 *
 * <p>Pushed and computed data: notices ({@link io.camelupbit.test.UpbitSimulator#announce} of an
 * {@link io.camelupbit.test.Announcement}) on the private path, and technical indicators and their signals on the
 * info path ({@link io.camelupbit.test.UpbitSimulator#infoUrl}) at candle closes, which follow the simulated clock or
 * are forced by {@link io.camelupbit.test.UpbitSimulator#closeCandle(String, String, java.math.BigDecimal,
 * java.math.BigDecimal)}.
 *
 * <p>Counting loss: {@link io.camelupbit.test.UpbitSimulator#sentLog()} records every data item written to a
 * connection, with the key a client sees, so a test can check that a route received all of them.
 *
 * <p>Public API: {@link io.camelupbit.test.UpbitSimulator} and its builder, {@link io.camelupbit.test.SimConnection},
 * {@link io.camelupbit.test.UpbitSimulatorExtension}, {@link io.camelupbit.test.SimulatorMain},
 * {@link io.camelupbit.test.UpbitSimulatorMainListener}, {@link io.camelupbit.test.UpbitSimulatorInitializer},
 * {@link io.camelupbit.test.Market} and {@link io.camelupbit.test.Trade}, {@link io.camelupbit.test.SimAccount} with
 * {@link io.camelupbit.test.Side} and {@link io.camelupbit.test.OrderRequest}, the records
 * {@link io.camelupbit.test.MarketStatus}, {@link io.camelupbit.test.Subscription} with
 * {@link io.camelupbit.test.IndicatorRequest}, {@link io.camelupbit.test.Announcement},
 * {@link io.camelupbit.test.HandshakeRecord}, {@link io.camelupbit.test.ReceivedMessage},
 * {@link io.camelupbit.test.JwtRecord}, {@link io.camelupbit.test.RestCall}, {@link io.camelupbit.test.SimBalance},
 * {@link io.camelupbit.test.SimOrder},
 * the sent log {@link io.camelupbit.test.SentLog} of {@link io.camelupbit.test.SentItem}s,
 * {@link io.camelupbit.test.WithheldItem},
 * and the switch enums {@link io.camelupbit.test.OverLimitBehavior}, {@link io.camelupbit.test.FormatReset},
 * {@link io.camelupbit.test.EmptySubscription}, {@link io.camelupbit.test.AuthFailure},
 * {@link io.camelupbit.test.UnsupportedLevel}, {@link io.camelupbit.test.PublicTypesOnPrivate}. Everything else is
 * internal.
 */
package io.camelupbit.test;
