package io.camelupbit.test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The exchange account behind one API key of the simulator ({@link UpbitSimulator.Builder#apiKey}), driven by the
 * test: deposit funds, {@link #place place} orders of every type Upbit has ({@link OrderRequest}), fill them (partly
 * or fully), trigger stop-limit orders, stop them by self-match prevention and cancel them, or let
 * {@link #randomActivity} do a seeded mix of all of it. Every change is pushed, as Upbit does, to the account's open
 * private connections: {@code myOrder} events to those subscribed to the order's market (or to all markets),
 * {@code myAsset} events with the changed currencies to those subscribed to {@code myAsset} (upbit-protocol.md §4.5,
 * §4.6). Both streams are realtime only.
 *
 * <p>The account matches nothing by itself: the test says what fills, at which price. Time in force and
 * self-match prevention are carried as the order's fields, not enforced; an {@code ioc} order the test leaves
 * waiting stays waiting. The one exception is opt-in: with {@link UpbitSimulator.Builder#fillRestingOrders} the
 * simulator's own trades fill waiting limit orders whose price they reach, whole and at their own price, through
 * {@link #fill(String, BigDecimal)} (see that option for the exact rule).
 *
 * <p>Amounts are exact decimals: nothing is rounded, so a deposit of {@code 1386929.37231066771348207123} comes out
 * as written. The fee is 0.05 % of the notional; a bid reserves it when placed (on price x volume, or on the total
 * amount of an order by amount), an ask pays it out of the proceeds. Fills of plain and post-only limit orders
 * count as maker fills, all others as taker fills. Timestamps come from the simulator's wall clock.
 *
 * <p>The {@code price} and {@code volume} of a {@code myOrder} message are the fill's when {@code state=trade}, and
 * otherwise the order's, as Upbit's field table says: so an order by total amount ({@code price}, {@code best} bid)
 * writes a {@code null} volume and {@code remaining_volume} and its amount as {@code price}, and an order by
 * quantity without a unit price ({@code market}, {@code best} ask) writes a {@code null} price, except in its fills.
 *
 * <pre>{@code
 * SimAccount account = upbit.account("my-access-key");
 * account.deposit("KRW", new BigDecimal("1000000"));
 * String uuid = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("100000000"),
 *         new BigDecimal("0.005"), "my-order-1");
 * account.fill(uuid, new BigDecimal("0.002"));
 * account.cancel(uuid);
 * String buy = account.place(OrderRequest.price("KRW-ETH", new BigDecimal("50000")));
 * account.fill(buy, new BigDecimal("0.01"), new BigDecimal("5000000"));   // done: all 50,000 KRW spent
 * }</pre>
 *
 * <p>The REST API of the simulator ({@link UpbitSimulator#restUrl()}) works on the same account: its orders are
 * placed here and push the same events, and it lists the fills of each order ({@code trades}). The average buy
 * price it shows per currency is the volume-weighted average of the account's bid fills of that currency in KRW
 * markets since the account was created (0 before the first; Upbit's {@code unit_currency} is KRW), a
 * simplification: sells and deposits leave it as it is.
 *
 * <p>Thread-safe: the methods may be called from any thread; events of one account reach a connection in call order.
 */
public final class SimAccount {

    /** Upbit's default trading fee, 0.05 %. */
    static final BigDecimal FEE_RATE = new BigDecimal("0.0005");

    private static final String WATCH = "watch";
    private static final String WAIT = "wait";
    private static final String TRADE = "trade";
    private static final String DONE = "done";
    private static final String CANCEL = "cancel";
    private static final String PREVENTED = "prevented";
    /** How many kinds of order life {@link #randomActivity} goes through, one after the other. */
    private static final int ACTIVITY_KINDS = 14;
    private static final int AMOUNT_SCALE = 8;

    private final String accessKey;
    private final Clock clock;
    private final PrivateEventSink sink;
    /** The simulated time now, or {@code null} while the market model does not run (before start). */
    private final Supplier<Instant> marketTime;
    private final Map<String, Funds> funds = new LinkedHashMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    /** Identifiers that REST order requests of this key used, whatever became of the request. */
    private final Set<String> claimedIdentifiers = new HashSet<>();

    SimAccount(String accessKey, Clock clock, PrivateEventSink sink) {
        this(accessKey, clock, sink, () -> null);
    }

    /**
     * @param marketTime the simulated time now ({@link Market#now()}), or {@code null} before the market model runs:
     *                   when an order starts waiting, for {@link #fillReached}
     */
    SimAccount(String accessKey, Clock clock, PrivateEventSink sink, Supplier<Instant> marketTime) {
        this.accessKey = accessKey;
        this.clock = clock;
        this.sink = sink;
        this.marketTime = Objects.requireNonNull(marketTime, "marketTime");
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
     * Places a limit order: {@code place(OrderRequest.limit(code, side, price, volume).identifier(identifier))}.
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
        return place(OrderRequest.limit(code, side, price, volume).identifier(identifier));
    }

    /**
     * Places an order and locks its funds: a bid locks what it may spend (price x volume, or its total amount) plus
     * the 0.05 % fee in the quote currency, an ask locks its quantity of the base currency. Emits {@code myOrder}
     * with {@code state=wait} ({@code watch} for a stop-limit order, until {@link #trigger}), then {@code myAsset}
     * with the locking currency. The order carries its {@code time_in_force} ({@code null} unless requested) and its
     * {@code smp_type} ({@link OrderRequest#appliedSmpType()}).
     *
     * @return the order's uuid
     * @throws IllegalStateException when the available balance does not cover the locked funds
     */
    public synchronized String place(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        Lock lock = Lock.of(request);
        Funds f = funds(lock.currency());
        if (f.balance.compareTo(lock.amount()) < 0) {
            throw new IllegalStateException("insufficient " + lock.currency() + ": available "
                    + f.balance.toPlainString() + ", order needs " + lock.amount().toPlainString());
        }
        f.balance = f.balance.subtract(lock.amount());
        f.locked = f.locked.add(lock.amount());

        Order order = newOrder(request);
        orders.put(order.uuid, order);
        publish(List.of(statusEvent(order, order.state), assetEvent(List.of(lock.currency()))));
        return order.uuid;
    }

    /** Places the order if the available balance covers what it locks; returns it as placed, or {@code null}. */
    synchronized SimOrder placeIfCovered(OrderRequest request) {
        return covers(request) ? orders.get(place(request)).snapshot() : null;
    }

    /** Whether the available balance covers what this order would lock. */
    synchronized boolean covers(OrderRequest request) {
        Lock lock = Lock.of(request);
        Funds f = funds.get(lock.currency());
        return f != null && f.balance.compareTo(lock.amount()) >= 0;
    }

    /** The order as {@link #place} would place it now, with a new uuid, placing nothing ({@code /v1/orders/test}). */
    synchronized SimOrder preview(OrderRequest request) {
        return newOrder(request).snapshot();
    }

    /**
     * Claims an identifier for a REST order request of this key: false when a request claimed it before (even one
     * that failed afterwards, as Upbit's {@code duplicated_identifier} says) or an order of the account carries it.
     */
    synchronized boolean claimIdentifier(String identifier) {
        return !identifierUsed(identifier) && claimedIdentifiers.add(identifier);
    }

    /** Whether a REST order request claimed this identifier or an order of the account carries it. */
    synchronized boolean identifierUsed(String identifier) {
        return claimedIdentifiers.contains(identifier)
                || orders.values().stream().anyMatch(o -> identifier.equals(o.request.identifier()));
    }

    /**
     * The order with this uuid, or else the first with this identifier (Upbit: the uuid wins when both are given),
     * with its fills; {@code null} when there is none.
     */
    synchronized OrderView view(String uuid, String identifier) {
        Order order = uuid != null ? orders.get(uuid)
                : orders.values().stream().filter(o -> identifier.equals(o.request.identifier())).findFirst()
                .orElse(null);
        return order == null ? null : new OrderView(order.snapshot(), order.fills);
    }

    /**
     * Cancels a waiting or watching order ({@link #cancel}) and returns it as it was when the cancel was accepted,
     * as Upbit's {@code DELETE /v1/order} answers.
     *
     * @throws IllegalArgumentException for an unknown order
     * @throws IllegalStateException    when the order is neither waiting nor watching
     */
    synchronized SimOrder cancelAccepted(String uuid) {
        SimOrder accepted = order(uuid).snapshot();
        cancel(uuid);
        return accepted;
    }

    /** Every currency of the account with its average buy price, in the order the currencies first appeared. */
    synchronized List<AccountRow> accountRows() {
        List<AccountRow> rows = new ArrayList<>();
        funds.forEach((currency, f) -> rows.add(f.row(currency)));
        return rows;
    }

    /** One currency's row, zeros when the account never had it. */
    synchronized AccountRow accountRow(String currency) {
        Funds f = funds.get(currency);
        return (f != null ? f : new Funds()).row(currency);
    }

    /**
     * Fills this much of a waiting limit order at its price: {@code fill(uuid, volume, <the order's price>)}.
     *
     * @throws IllegalArgumentException for an unknown order, an order without a unit price (not {@code limit}: use
     *                                  {@link #fill(String, BigDecimal, BigDecimal)}) or a volume above the
     *                                  remaining quantity
     * @throws IllegalStateException    when the order is not waiting
     */
    public synchronized void fill(String uuid, BigDecimal volume) {
        Order order = order(uuid);
        if (!OrderRequest.LIMIT.equals(order.request.orderType())) {
            throw new IllegalArgumentException("order " + uuid + " is a " + order.request.orderType()
                    + " order without a unit price: give the fill price");
        }
        fill(uuid, volume, order.request.price());
    }

    /**
     * Fills this quantity of a waiting order at this price (what {@link UpbitSimulator.Builder#fillRestingOrders} does
     * by itself for limit orders a trade reaches). A limit order fills at its own price only; an order by
     * total amount fills while price x volume fits in what remains of the amount; an order by quantity while the
     * volume fits in its remaining quantity. Emits {@code myOrder} with {@code state=trade} (the fill's price and
     * volume, {@code trade_uuid}, {@code trade_fee}, {@code is_maker}, {@code trade_timestamp}), then
     * {@code state=done} when nothing remains, then {@code myAsset} with both currencies of the market.
     *
     * @param uuid   the order
     * @param volume the filled quantity, positive
     * @param price  the fill price, positive
     * @throws IllegalArgumentException for an unknown order, a limit order filled at another price, or a fill
     *                                  larger than what remains
     * @throws IllegalStateException    when the order is not waiting
     */
    public synchronized void fill(String uuid, BigDecimal volume, BigDecimal price) {
        Order order = inState(uuid, WAIT);
        requirePositive(volume, "volume");
        requirePositive(price, "price");
        OrderRequest request = order.request;
        if (OrderRequest.LIMIT.equals(request.orderType()) && price.compareTo(request.price()) != 0) {
            throw new IllegalArgumentException("limit order " + uuid + " fills at its price "
                    + request.price().toPlainString() + ", not " + price.toPlainString());
        }
        BigDecimal notional = price.multiply(volume);
        BigDecimal fee = notional.multiply(FEE_RATE);
        BigDecimal remaining = request.byAmount() ? order.remainingFunds : order.remainingVolume;
        BigDecimal wanted = request.byAmount() ? notional : volume;
        if (wanted.compareTo(remaining) > 0) {
            throw new IllegalArgumentException("fill of " + wanted.toPlainString() + " exceeds the remaining "
                    + remaining.toPlainString() + " of order " + uuid);
        }
        String quote = MarketCodes.quote(request.code());
        String base = MarketCodes.base(request.code());
        Funds quoteFunds = funds(quote);
        Funds baseFunds = funds(base);
        if (request.side() == Side.BID) {
            // The reserved funds and fee of this part leave the lock; the bought quantity arrives.
            quoteFunds.locked = quoteFunds.locked.subtract(notional.add(fee));
            baseFunds.balance = baseFunds.balance.add(volume);
            order.locked = order.locked.subtract(notional.add(fee));
            order.remainingFee = order.remainingFee.subtract(fee);
        } else {
            baseFunds.locked = baseFunds.locked.subtract(volume);
            quoteFunds.balance = quoteFunds.balance.add(notional.subtract(fee));
            order.locked = order.locked.subtract(volume);
        }
        if (request.byAmount()) {
            order.remainingFunds = order.remainingFunds.subtract(notional);
        } else {
            order.remainingVolume = order.remainingVolume.subtract(volume);
        }
        if (request.side() == Side.BID && "KRW".equals(quote)) {
            baseFunds.boughtVolume = baseFunds.boughtVolume.add(volume);
            baseFunds.boughtFunds = baseFunds.boughtFunds.add(notional);
        }
        order.executedVolume = order.executedVolume.add(volume);
        order.executedFunds = order.executedFunds.add(notional);
        order.paidFee = order.paidFee.add(fee);
        order.tradesCount++;
        boolean done = (request.byAmount() ? order.remainingFunds : order.remainingVolume).signum() == 0;
        if (done) {
            order.state = DONE;
        }
        Instant at = clock.instant();
        long now = at.toEpochMilli();
        String tradeUuid = UUID.randomUUID().toString();
        order.fills.add(new OrderFill(tradeUuid, normalize(price), normalize(volume), normalize(notional), at));
        List<DataItem> events = new ArrayList<>();
        events.add(new MyOrderEvent(order.snapshot(), TRADE, price, volume, tradeUuid, normalize(fee),
                !request.taker(), now, now));
        if (done) {
            events.add(statusEvent(order, DONE));
        }
        events.add(assetEvent(List.of(quote, base)));
        publish(events);
    }

    /**
     * The market filling resting orders ({@link UpbitSimulator.Builder#fillRestingOrders}): fills, whole, every
     * order of this account that this trade of the market model reaches, in placement order. An order is reached
     * when it is a {@code limit} order (whatever its time in force) of the trade's market, in state {@code wait},
     * that started waiting (was placed, or triggered) at a simulated time before the trade's (or before the market
     * model ran), and whose price the trade's price reaches: a bid's at or above it, an ask's at or below it. Each is
     * filled by {@link #fill(String, BigDecimal) fill(uuid, its remaining volume)}: at its own price, with the same
     * events, fee and lock release as a fill by the test.
     *
     * @return how many orders it filled
     */
    synchronized int fillReached(Trade trade) {
        List<Order> reached = orders.values().stream().filter(o -> reaches(trade, o)).toList();
        for (Order order : reached) {
            fill(order.uuid, order.remainingVolume);
        }
        return reached.size();
    }

    /** The markets of this account's waiting limit orders: those {@link #fillReached} may fill. */
    synchronized Set<String> restingLimitCodes() {
        Set<String> codes = new HashSet<>();
        for (Order order : orders.values()) {
            if (WAIT.equals(order.state) && OrderRequest.LIMIT.equals(order.request.orderType())) {
                codes.add(order.request.code());
            }
        }
        return codes;
    }

    private static boolean reaches(Trade trade, Order order) {
        OrderRequest request = order.request;
        if (!WAIT.equals(order.state) || !OrderRequest.LIMIT.equals(request.orderType())
                || !request.code().equals(trade.code())
                || (order.waitingSince != null && !order.waitingSince.isBefore(trade.time()))) {
            return false;
        }
        int cmp = trade.price().compareTo(request.price());
        return request.side() == Side.BID ? cmp <= 0 : cmp >= 0;
    }

    /**
     * Triggers a stop-limit order: from {@code watch} it goes to the book, {@code wait}. Emits {@code myOrder} with
     * {@code state=wait}; the funds were locked when it was placed, so no {@code myAsset}. With
     * {@link UpbitSimulator.Builder#fillRestingOrders} only trades after the trigger fill it.
     *
     * @throws IllegalArgumentException for an unknown order
     * @throws IllegalStateException    when the order is not in {@code watch}
     */
    public synchronized void trigger(String uuid) {
        Order order = inState(uuid, WATCH);
        order.state = WAIT;
        order.waitingSince = marketTime.get();
        publish(List.of(statusEvent(order, WAIT)));
    }

    /**
     * Stops this quantity of a waiting order by self-match prevention, as when it met an order of the same account:
     * the quantity leaves the order, what it locked is released and added to {@code prevented_volume} and
     * {@code prevented_locked} (bids: the quote amount with its reserved fee; asks: the quantity). Emits
     * {@code myOrder} with {@code state=prevented}, or, when nothing of the order remains, {@code state=cancel} (the
     * order is cancelled: docs.upbit.com/kr/docs/smp), then {@code myAsset} with the released currency.
     *
     * @param uuid   the order
     * @param volume the prevented quantity, positive and at most the remaining quantity
     * @throws IllegalArgumentException for an unknown order, an order by total amount (it has no quantity) or a
     *                                  volume above the remaining quantity
     * @throws IllegalStateException    when the order is not waiting
     */
    public synchronized void preventSelfMatch(String uuid, BigDecimal volume) {
        Order order = inState(uuid, WAIT);
        requirePositive(volume, "volume");
        OrderRequest request = order.request;
        if (request.byAmount()) {
            throw new IllegalArgumentException("order " + uuid + " is by total amount: it has no quantity to prevent");
        }
        if (volume.compareTo(order.remainingVolume) > 0) {
            throw new IllegalArgumentException("prevention of " + volume.toPlainString() + " exceeds the remaining "
                    + order.remainingVolume.toPlainString() + " of order " + uuid);
        }
        BigDecimal released;
        if (request.side() == Side.BID) {
            BigDecimal part = request.price().multiply(volume);
            BigDecimal fee = part.multiply(FEE_RATE);
            released = part.add(fee);
            order.remainingFee = order.remainingFee.subtract(fee);
        } else {
            released = volume;
        }
        Funds f = funds(lockCurrency(request));
        f.locked = f.locked.subtract(released);
        f.balance = f.balance.add(released);
        order.locked = order.locked.subtract(released);
        order.remainingVolume = order.remainingVolume.subtract(volume);
        order.preventedVolume = order.preventedVolume.add(volume);
        order.preventedLocked = order.preventedLocked.add(released);
        String state = PREVENTED;
        if (order.remainingVolume.signum() == 0) {
            order.state = CANCEL;
            state = CANCEL;
        }
        publish(List.of(statusEvent(order, state), assetEvent(List.of(lockCurrency(request)))));
    }

    /**
     * Cancels a waiting (or watching) order and releases what it still locks. Emits {@code myOrder} with
     * {@code state=cancel}, then {@code myAsset} with the released currency.
     *
     * @throws IllegalArgumentException for an unknown order
     * @throws IllegalStateException    when the order is neither waiting nor watching
     */
    public synchronized void cancel(String uuid) {
        Order order = order(uuid);
        if (!WAIT.equals(order.state) && !WATCH.equals(order.state)) {
            throw new IllegalStateException("order " + uuid + " is " + order.state + ", not wait or watch");
        }
        String lockCurrency = lockCurrency(order.request);
        Funds f = funds(lockCurrency);
        f.locked = f.locked.subtract(order.locked);
        f.balance = f.balance.add(order.locked);
        order.locked = BigDecimal.ZERO;
        order.remainingFee = BigDecimal.ZERO;
        order.state = CANCEL;
        publish(List.of(statusEvent(order, CANCEL), assetEvent(List.of(lockCurrency))));
    }

    /**
     * A seeded mix of order lives on these markets, so that a run sees every {@code myOrder} field vary without
     * hand-written orders. Each order goes through one of 14 kinds in turn (so 14 orders show them all): limit
     * orders filled as maker in parts, post-only cancelled, {@code ioc} partly filled then cancelled, {@code fok}
     * filled; {@code price} orders filled exactly or leaving a rest that is cancelled; {@code market} sells filled in
     * parts; {@code best} bids and asks; stop-limit orders triggered then filled, or cancelled while watching;
     * self-match prevention of part of an order ({@code prevented}) or all of it ({@code cancel}). The self-match
     * prevention types and identifiers vary too. Before each order it deposits what the order lacks.
     *
     * <p>The same seed and markets give the same sequence of types, states, prices, amounts and identifiers (prices
     * lie within two ticks of each market's profile price, the usual price of a well-known market or one derived from
     * the code, not of the live market); uuids and timestamps differ.
     *
     * @param seed   the seed of the mix
     * @param orders how many orders to place (at least 0)
     * @param codes  the markets to trade, at least one
     * @return the uuids of the orders placed, in order
     */
    public synchronized List<String> randomActivity(long seed, int orders, String... codes) {
        if (orders < 0) {
            throw new IllegalArgumentException("orders must not be negative: " + orders);
        }
        if (codes.length == 0) {
            throw new IllegalArgumentException("at least one market code is needed");
        }
        for (String code : codes) {
            MarketCodes.requireValid(code);
        }
        Random random = new Random(seed);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String code = codes[random.nextInt(codes.length)];
            String identifier = random.nextBoolean() ? "sim-" + seed + "-" + i : null;
            placed.add(new Activity(random, code).run(i % ACTIVITY_KINDS, identifier));
        }
        return placed;
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

    private Order order(String uuid) {
        Order order = orders.get(uuid);
        if (order == null) {
            throw new IllegalArgumentException("no order " + uuid + " on account " + accessKey);
        }
        return order;
    }

    private Order inState(String uuid, String state) {
        Order order = order(uuid);
        if (!state.equals(order.state)) {
            throw new IllegalStateException("order " + uuid + " is " + order.state + ", not " + state);
        }
        return order;
    }

    /** A {@code myOrder} event that is not a fill: the order's own price and volume, no trade fields. */
    private MyOrderEvent statusEvent(Order order, String state) {
        return new MyOrderEvent(order.snapshot(), state, order.request.price(), order.request.volume(), null, null,
                null, null, clock.millis());
    }

    private MyAssetEvent assetEvent(List<String> currencies) {
        List<SimBalance> rows = new ArrayList<>();
        for (String currency : currencies) {
            rows.add(funds(currency).snapshot(currency));
        }
        long now = clock.millis();
        return new MyAssetEvent(UUID.randomUUID().toString(), rows, now, now);
    }

    /** A new order of this request, its funds and fee as placing it locks them, in {@code wait} or {@code watch}. */
    private Order newOrder(OrderRequest request) {
        Lock lock = Lock.of(request);
        Order order = new Order(UUID.randomUUID().toString(), request, clock.instant());
        order.reservedFee = lock.fee();
        order.remainingFee = lock.fee();
        order.locked = lock.amount();
        order.state = request.stopPrice() != null ? WATCH : WAIT;
        order.waitingSince = WAIT.equals(order.state) ? marketTime.get() : null;
        return order;
    }

    private void publish(List<DataItem> events) {
        sink.publish(accessKey, events);
    }

    private Funds funds(String currency) {
        return funds.computeIfAbsent(currency, c -> new Funds());
    }

    private static String lockCurrency(OrderRequest request) {
        return request.side() == Side.BID ? MarketCodes.quote(request.code()) : MarketCodes.base(request.code());
    }

    private static void requirePositive(BigDecimal value, String name) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static BigDecimal normalize(BigDecimal value) {
        return value == null ? null : TickSize.normalize(value);
    }

    /**
     * What placing an order locks: a bid what it may spend plus the fee on it, in the quote currency; an ask its
     * quantity of the base currency, with no fee reserved.
     */
    private record Lock(String currency, BigDecimal amount, BigDecimal fee) {
        static Lock of(OrderRequest request) {
            if (request.side() == Side.ASK) {
                return new Lock(lockCurrency(request), request.volume(), BigDecimal.ZERO);
            }
            BigDecimal spend = request.byAmount() ? request.price() : request.price().multiply(request.volume());
            BigDecimal fee = spend.multiply(FEE_RATE);
            return new Lock(lockCurrency(request), spend.add(fee), fee);
        }
    }

    /** One currency's amounts. */
    private static final class Funds {
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal locked = BigDecimal.ZERO;
        /** Bought in KRW markets: the quantity and what it cost, for the average buy price. */
        BigDecimal boughtVolume = BigDecimal.ZERO;
        BigDecimal boughtFunds = BigDecimal.ZERO;

        SimBalance snapshot(String currency) {
            return new SimBalance(currency, normalize(balance), normalize(locked));
        }

        AccountRow row(String currency) {
            BigDecimal avg = boughtVolume.signum() == 0 ? BigDecimal.ZERO
                    : boughtFunds.divide(boughtVolume, AMOUNT_SCALE, RoundingMode.HALF_EVEN);
            return new AccountRow(snapshot(currency), normalize(avg));
        }
    }

    /** One order's mutable state. */
    private static final class Order {
        final String uuid;
        final OrderRequest request;
        final Instant orderedAt;
        /** The quantity still open; {@code null} for an order by total amount. */
        BigDecimal remainingVolume;
        /** What remains to spend of an order by total amount; {@code null} for the others. */
        BigDecimal remainingFunds;
        BigDecimal executedVolume = BigDecimal.ZERO;
        BigDecimal executedFunds = BigDecimal.ZERO;
        BigDecimal reservedFee = BigDecimal.ZERO;
        BigDecimal remainingFee = BigDecimal.ZERO;
        BigDecimal paidFee = BigDecimal.ZERO;
        BigDecimal locked = BigDecimal.ZERO;
        BigDecimal preventedVolume = BigDecimal.ZERO;
        BigDecimal preventedLocked = BigDecimal.ZERO;
        int tradesCount;
        String state;
        /**
         * The simulated time at which it went to {@code wait} (placed, or triggered), {@code null} when that was
         * before the market model ran or it is still watching: only later trades fill it ({@link #fillReached}).
         */
        Instant waitingSince;
        final List<OrderFill> fills = new ArrayList<>();

        Order(String uuid, OrderRequest request, Instant orderedAt) {
            this.uuid = uuid;
            this.request = request;
            this.orderedAt = orderedAt;
            this.remainingVolume = request.byAmount() ? null : request.volume();
            this.remainingFunds = request.byAmount() ? request.price() : null;
        }

        SimOrder snapshot() {
            return new SimOrder(uuid, request.code(), request.side(), request.orderType(), normalize(request.price()),
                    normalize(request.volume()), normalize(remainingVolume), normalize(executedVolume),
                    normalize(executedFunds), normalize(reservedFee), normalize(remainingFee), normalize(paidFee),
                    normalize(locked), normalize(preventedVolume), normalize(preventedLocked), tradesCount, state,
                    request.timeInForce(), request.appliedSmpType(), request.identifier(),
                    normalize(request.stopPrice()), orderedAt);
        }
    }

    /** One order's life in {@link #randomActivity}, on one market, with the activity's random source. */
    private final class Activity {
        private final Random random;
        private final String code;
        private final String quote;
        /** The market's profile price: a stable reference, whatever the live market does. */
        private final BigDecimal reference;

        Activity(Random random, String code) {
            this.random = random;
            this.code = code;
            this.quote = MarketCodes.quote(code);
            this.reference = TickSize.snap(quote, MarketProfile.of(code, null).startPrice(), RoundingMode.HALF_UP);
        }

        String run(int kind, String identifier) {
            BigDecimal p = near();
            BigDecimal v = quantity(p);
            return switch (kind) {
                case 0 -> { // a resting bid filled as maker in two parts
                    String uuid = funded(OrderRequest.limit(code, Side.BID, p, v), identifier);
                    BigDecimal first = part(v);
                    fill(uuid, first);
                    fill(uuid, v.subtract(first));
                    yield uuid;
                }
                case 1 -> { // post-only: the default smp_type is none; cancelled unfilled
                    String uuid = funded(OrderRequest.limit(code, Side.ASK, p, v)
                            .timeInForce(OrderRequest.POST_ONLY), identifier);
                    cancel(uuid);
                    yield uuid;
                }
                case 2 -> { // ioc: what could be filled at once, the rest cancelled
                    String uuid = funded(OrderRequest.limit(code, Side.BID, p, v).timeInForce(OrderRequest.IOC)
                            .smpType(OrderRequest.SMP_REDUCE), identifier);
                    fill(uuid, part(v));
                    cancel(uuid);
                    yield uuid;
                }
                case 3 -> { // fok: all at once
                    String uuid = funded(OrderRequest.limit(code, Side.ASK, p, v).timeInForce(OrderRequest.FOK)
                            .smpType(OrderRequest.SMP_CANCEL_TAKER), identifier);
                    fill(uuid, v);
                    yield uuid;
                }
                case 4 -> { // a market buy whose amount buys exactly v at p
                    String uuid = funded(OrderRequest.price(code, p.multiply(v)).smpType(OrderRequest.SMP_NONE),
                            identifier);
                    fill(uuid, v, p);
                    yield uuid;
                }
                case 5 -> { // a market buy leaving a rest too small to buy more: the rest is cancelled
                    BigDecimal amount = p.multiply(v).multiply(new BigDecimal("1.003"));
                    String uuid = funded(OrderRequest.price(code, amount), identifier);
                    fill(uuid, v, p);
                    cancel(uuid);
                    yield uuid;
                }
                case 6 -> { // a market sell filled at two prices
                    String uuid = funded(OrderRequest.market(code, v), identifier);
                    BigDecimal first = part(v);
                    fill(uuid, first, p);
                    fill(uuid, v.subtract(first), below(p));
                    yield uuid;
                }
                case 7 -> { // a best bid, fok, filled in full
                    String uuid = funded(OrderRequest.best(code, Side.BID, p.multiply(v), OrderRequest.FOK),
                            identifier);
                    fill(uuid, v, p);
                    yield uuid;
                }
                case 8 -> { // a best ask, ioc, partly filled, the rest cancelled
                    String uuid = funded(OrderRequest.best(code, Side.ASK, v, OrderRequest.IOC)
                            .smpType(OrderRequest.SMP_CANCEL_MAKER), identifier);
                    fill(uuid, part(v), p);
                    cancel(uuid);
                    yield uuid;
                }
                case 9 -> { // a stop-limit buy: triggered, partly filled, cancelled
                    BigDecimal stop = TickSize.above(quote, p);
                    String uuid = funded(OrderRequest.limit(code, Side.BID, TickSize.above(quote, stop), v)
                            .stopPrice(stop), identifier);
                    trigger(uuid);
                    fill(uuid, part(v));
                    cancel(uuid);
                    yield uuid;
                }
                case 10 -> { // a stop-limit sell cancelled while it watches
                    String uuid = funded(OrderRequest.limit(code, Side.ASK, below(p), v).stopPrice(p)
                            .smpType(OrderRequest.SMP_REDUCE), identifier);
                    cancel(uuid);
                    yield uuid;
                }
                case 11 -> { // self-match prevention reduces a resting bid, the rest fills
                    String uuid = funded(OrderRequest.limit(code, Side.BID, p, v)
                            .smpType(OrderRequest.SMP_REDUCE), identifier);
                    BigDecimal prevented = part(v);
                    preventSelfMatch(uuid, prevented);
                    fill(uuid, v.subtract(prevented));
                    yield uuid;
                }
                case 12 -> { // self-match prevention takes all of a resting ask: cancelled
                    String uuid = funded(OrderRequest.limit(code, Side.ASK, p, v), identifier);
                    preventSelfMatch(uuid, v);
                    yield uuid;
                }
                default -> { // a market sell reduced by self-match prevention, the rest filled
                    String uuid = funded(OrderRequest.market(code, v).smpType(OrderRequest.SMP_REDUCE), identifier);
                    BigDecimal prevented = part(v);
                    preventSelfMatch(uuid, prevented);
                    fill(uuid, v.subtract(prevented), p);
                    yield uuid;
                }
            };
        }

        /** Places the order after depositing what its lock lacks. */
        private String funded(OrderRequest request, String identifier) {
            OrderRequest withId = request.identifier(identifier);
            Lock lock = Lock.of(withId);
            BigDecimal available = funds(lock.currency()).balance;
            if (available.compareTo(lock.amount()) < 0) {
                deposit(lock.currency(), lock.amount().subtract(available));
            }
            return place(withId);
        }

        /** A price within two ticks of the reference, on the grid. */
        private BigDecimal near() {
            BigDecimal p = reference;
            int steps = random.nextInt(5) - 2;
            for (int i = 0; i < Math.abs(steps); i++) {
                p = steps > 0 ? TickSize.above(quote, p) : below(p);
            }
            return p;
        }

        /** The grid price one tick below, or p itself at the bottom of the grid. */
        private BigDecimal below(BigDecimal p) {
            BigDecimal next = TickSize.below(quote, p);
            return next.signum() > 0 ? next : p;
        }

        /** A quantity worth a plausible order value in the quote currency at this price. */
        private BigDecimal quantity(BigDecimal price) {
            double value = switch (quote) {
                case "KRW" -> 10_000 + random.nextInt(990_000);
                case "BTC" -> 0.0001 + random.nextDouble() * 0.01;
                default -> 10 + random.nextDouble() * 990;
            };
            BigDecimal v = BigDecimal.valueOf(value).divide(price, AMOUNT_SCALE, RoundingMode.HALF_UP);
            // At least 100 units of the last decimal, so that every part() is positive and smaller.
            return v.max(new BigDecimal("0.000001"));
        }

        /** Between a fifth and four fifths of v: positive, less than v. */
        private BigDecimal part(BigDecimal v) {
            BigDecimal fraction = BigDecimal.valueOf(20 + random.nextInt(61), 2);
            return v.multiply(fraction).setScale(AMOUNT_SCALE, RoundingMode.DOWN);
        }
    }
}
