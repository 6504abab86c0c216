package io.camelupbit.test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The exchange account behind one API key of the simulator ({@link UpbitSimulator.Builder#apiKey}), driven by the
 * test: deposit funds, place limit orders, fill them (partly or fully) and cancel them. Every change is pushed, as
 * Upbit does, to the account's open private connections: {@code myOrder} events to those subscribed to the order's
 * market (or to all markets), {@code myAsset} events with the changed currencies to those subscribed to
 * {@code myAsset} (upbit-protocol.md §4.5, §4.6). Both streams are realtime only.
 *
 * <p>Amounts are exact decimals: nothing is rounded, so a deposit of {@code 1386929.37231066771348207123} comes out
 * as written. The fee is 0.05 % of the notional; a bid reserves it when placed, an ask pays it out of the proceeds.
 * Fills happen at the order's price and count as maker fills. Timestamps come from the simulator's wall clock.
 *
 * <pre>{@code
 * SimAccount account = upbit.account("my-access-key");
 * account.deposit("KRW", new BigDecimal("1000000"));
 * String uuid = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("100000000"),
 *         new BigDecimal("0.005"), "my-order-1");
 * account.fill(uuid, new BigDecimal("0.002"));
 * account.cancel(uuid);
 * }</pre>
 *
 * <p>Thread-safe: the methods may be called from any thread; events of one account reach a connection in call order.
 */
public final class SimAccount {

    /** Upbit's default trading fee, 0.05 %. */
    static final BigDecimal FEE_RATE = new BigDecimal("0.0005");

    private static final String WAIT = "wait";
    private static final String TRADE = "trade";
    private static final String DONE = "done";
    private static final String CANCEL = "cancel";

    private final String accessKey;
    private final Clock clock;
    private final PrivateEventSink sink;
    private final Map<String, Funds> funds = new LinkedHashMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();

    SimAccount(String accessKey, Clock clock, PrivateEventSink sink) {
        this.accessKey = accessKey;
        this.clock = clock;
        this.sink = sink;
    }

    /** The access key of this account. */
    public String accessKey() {
        return accessKey;
    }

    /**
     * Adds this amount to the available balance of the currency and emits a {@code myAsset} event with it.
     *
     * @param currency e.g. {@code KRW} or {@code BTC}
     * @param amount   a positive amount, kept exactly
     */
    public synchronized void deposit(String currency, BigDecimal amount) {
        Objects.requireNonNull(currency, "currency");
        requirePositive(amount, "amount");
        Funds f = funds(currency);
        f.balance = f.balance.add(amount);
        publish(List.of(assetEvent(List.of(currency))));
    }

    /**
     * Places a limit order and locks its funds: a bid locks price x volume plus the 0.05 % fee in the quote currency,
     * an ask locks the volume of the base currency. Emits {@code myOrder} with {@code state=wait}, then
     * {@code myAsset} with the locking currency.
     *
     * @param code       market, e.g. {@code KRW-BTC}
     * @param side       {@code BID} to buy, {@code ASK} to sell
     * @param price      limit price (positive; not checked against the tick grid)
     * @param volume     quantity (positive)
     * @param identifier client-assigned id (Upbit's {@code identifier}), or {@code null}
     * @return the order's uuid
     * @throws IllegalStateException when the available balance does not cover the locked funds
     */
    public synchronized String placeLimitOrder(String code, Side side, BigDecimal price, BigDecimal volume,
                                               String identifier) {
        MarketCodes.requireValid(code);
        Objects.requireNonNull(side, "side");
        requirePositive(price, "price");
        requirePositive(volume, "volume");
        BigDecimal notional = price.multiply(volume);
        BigDecimal reservedFee = side == Side.BID ? notional.multiply(FEE_RATE) : BigDecimal.ZERO;
        BigDecimal locked = side == Side.BID ? notional.add(reservedFee) : volume;
        String lockCurrency = side == Side.BID ? MarketCodes.quote(code) : MarketCodes.base(code);
        Funds f = funds(lockCurrency);
        if (f.balance.compareTo(locked) < 0) {
            throw new IllegalStateException("insufficient " + lockCurrency + ": available " + f.balance.toPlainString()
                    + ", order needs " + locked.toPlainString());
        }
        f.balance = f.balance.subtract(locked);
        f.locked = f.locked.add(locked);

        Order order = new Order(UUID.randomUUID().toString(), code, side, price, volume, identifier, clock.instant());
        order.reservedFee = reservedFee;
        order.remainingFee = reservedFee;
        order.locked = locked;
        orders.put(order.uuid, order);
        long now = clock.millis();
        publish(List.of(
                new MyOrderEvent(order.snapshot(), WAIT, price, volume, null, null, null, null, now),
                assetEvent(List.of(lockCurrency))));
        return order.uuid;
    }

    /**
     * Fills this much of a waiting order at its price (a maker fill). Emits {@code myOrder} with {@code state=trade}
     * (the fill's price, volume, {@code trade_uuid}, {@code trade_fee}, {@code is_maker}, {@code trade_timestamp}),
     * then {@code state=done} when nothing remains, then {@code myAsset} with both currencies of the market.
     *
     * @param uuid   the order
     * @param volume the filled quantity, positive and at most the remaining quantity
     * @throws IllegalArgumentException for an unknown order or a volume above the remaining quantity
     * @throws IllegalStateException    when the order is no longer waiting
     */
    public synchronized void fill(String uuid, BigDecimal volume) {
        Order order = waiting(uuid);
        requirePositive(volume, "volume");
        if (volume.compareTo(order.remainingVolume) > 0) {
            throw new IllegalArgumentException("fill of " + volume.toPlainString() + " exceeds the remaining "
                    + order.remainingVolume.toPlainString() + " of order " + uuid);
        }
        BigDecimal funds = order.price.multiply(volume);
        BigDecimal fee = funds.multiply(FEE_RATE);
        String quote = MarketCodes.quote(order.code);
        String base = MarketCodes.base(order.code);
        Funds quoteFunds = funds(quote);
        Funds baseFunds = funds(base);
        if (order.side == Side.BID) {
            // The reserved funds and fee of this part leave the lock; the bought quantity arrives.
            quoteFunds.locked = quoteFunds.locked.subtract(funds.add(fee));
            baseFunds.balance = baseFunds.balance.add(volume);
            order.locked = order.locked.subtract(funds.add(fee));
            order.remainingFee = order.remainingFee.subtract(fee);
        } else {
            baseFunds.locked = baseFunds.locked.subtract(volume);
            quoteFunds.balance = quoteFunds.balance.add(funds.subtract(fee));
            order.locked = order.locked.subtract(volume);
        }
        order.remainingVolume = order.remainingVolume.subtract(volume);
        order.executedVolume = order.executedVolume.add(volume);
        order.executedFunds = order.executedFunds.add(funds);
        order.paidFee = order.paidFee.add(fee);
        order.tradesCount++;
        boolean done = order.remainingVolume.signum() == 0;
        if (done) {
            order.state = DONE;
        }
        long now = clock.millis();
        List<DataItem> events = new ArrayList<>();
        events.add(new MyOrderEvent(order.snapshot(), TRADE, order.price, volume,
                UUID.randomUUID().toString(), normalize(fee), Boolean.TRUE, now, now));
        if (done) {
            events.add(new MyOrderEvent(order.snapshot(), DONE, order.price, order.volume, null, null, null, null,
                    now));
        }
        events.add(assetEvent(List.of(quote, base)));
        publish(events);
    }

    /**
     * Cancels a waiting order and releases what it still locks. Emits {@code myOrder} with {@code state=cancel},
     * then {@code myAsset} with the released currency.
     *
     * @throws IllegalArgumentException for an unknown order
     * @throws IllegalStateException    when the order is no longer waiting
     */
    public synchronized void cancel(String uuid) {
        Order order = waiting(uuid);
        String lockCurrency = order.side == Side.BID ? MarketCodes.quote(order.code) : MarketCodes.base(order.code);
        Funds f = funds(lockCurrency);
        f.locked = f.locked.subtract(order.locked);
        f.balance = f.balance.add(order.locked);
        order.locked = BigDecimal.ZERO;
        order.remainingFee = BigDecimal.ZERO;
        order.state = CANCEL;
        long now = clock.millis();
        publish(List.of(
                new MyOrderEvent(order.snapshot(), CANCEL, order.price, order.volume, null, null, null, null, now),
                assetEvent(List.of(lockCurrency))));
    }

    /** The balances by currency, in the order the currencies first appeared. */
    public synchronized Map<String, SimBalance> balances() {
        Map<String, SimBalance> out = new LinkedHashMap<>();
        funds.forEach((currency, f) -> out.put(currency, f.snapshot(currency)));
        return Collections.unmodifiableMap(out);
    }

    /** Every order placed on this account, in placement order, as of now. */
    public synchronized List<SimOrder> orders() {
        return orders.values().stream().map(Order::snapshot).toList();
    }

    private Order waiting(String uuid) {
        Order order = orders.get(uuid);
        if (order == null) {
            throw new IllegalArgumentException("no order " + uuid + " on account " + accessKey);
        }
        if (!WAIT.equals(order.state)) {
            throw new IllegalStateException("order " + uuid + " is " + order.state + ", not wait");
        }
        return order;
    }

    private MyAssetEvent assetEvent(List<String> currencies) {
        List<SimBalance> rows = new ArrayList<>();
        for (String currency : currencies) {
            rows.add(funds(currency).snapshot(currency));
        }
        long now = clock.millis();
        return new MyAssetEvent(UUID.randomUUID().toString(), rows, now, now);
    }

    private void publish(List<DataItem> events) {
        sink.publish(accessKey, events);
    }

    private Funds funds(String currency) {
        return funds.computeIfAbsent(currency, c -> new Funds());
    }

    private static void requirePositive(BigDecimal value, String name) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static BigDecimal normalize(BigDecimal value) {
        return TickSize.normalize(value);
    }

    /** One currency's amounts. */
    private static final class Funds {
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal locked = BigDecimal.ZERO;

        SimBalance snapshot(String currency) {
            return new SimBalance(currency, normalize(balance), normalize(locked));
        }
    }

    /** One order's mutable state. */
    private static final class Order {
        final String uuid;
        final String code;
        final Side side;
        final BigDecimal price;
        final BigDecimal volume;
        final String identifier;
        final Instant orderedAt;
        BigDecimal remainingVolume;
        BigDecimal executedVolume = BigDecimal.ZERO;
        BigDecimal executedFunds = BigDecimal.ZERO;
        BigDecimal reservedFee = BigDecimal.ZERO;
        BigDecimal remainingFee = BigDecimal.ZERO;
        BigDecimal paidFee = BigDecimal.ZERO;
        BigDecimal locked = BigDecimal.ZERO;
        int tradesCount;
        String state = WAIT;

        Order(String uuid, String code, Side side, BigDecimal price, BigDecimal volume, String identifier,
              Instant orderedAt) {
            this.uuid = uuid;
            this.code = code;
            this.side = side;
            this.price = price;
            this.volume = volume;
            this.identifier = identifier;
            this.orderedAt = orderedAt;
            this.remainingVolume = volume;
        }

        SimOrder snapshot() {
            return snapshot(state);
        }

        SimOrder snapshot(String asState) {
            return new SimOrder(uuid, code, side, normalize(price), normalize(volume), normalize(remainingVolume),
                    normalize(executedVolume), normalize(executedFunds), normalize(reservedFee),
                    normalize(remainingFee), normalize(paidFee), normalize(locked), tradesCount, asState, identifier,
                    orderedAt);
        }
    }
}
