package io.camelupbit.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.camelupbit.auth.JwtAuthorization;
import io.camelupbit.trading.Balance;
import io.camelupbit.trading.Order;

/**
 * The account's reads that take more than one request: every page of the open orders, closed orders window by window
 * and page by page, orders by id in batches. Shared by the producers ({@code upbit:openOrders} and the like) and the
 * reconciliation of private routes. A read that would need more than {@code maxPages} requests fails rather than
 * leaving orders out. Thread-safe.
 */
public final class AccountReads {

    /** Upbit's page size for open orders, its largest. */
    public static final int OPEN_PAGE = 100;
    /** Upbit's largest page of closed orders. */
    public static final int CLOSED_PAGE = 1000;
    /** Upbit's longest window of closed orders. */
    static final Duration CLOSED_WINDOW = Duration.ofDays(7);
    /** Upbit's most ids per {@code /v1/orders/uuids} request. */
    static final int IDS_PER_REQUEST = 100;
    /** Upbit's times, with the offset and whole seconds. */
    private static final DateTimeFormatter UPBIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final ZoneOffset KST = ZoneOffset.ofHours(9);

    private final UpbitRest rest;
    private final JwtAuthorization keys;
    private final String accessKey;
    private final int maxPages;

    public AccountReads(UpbitRest rest, JwtAuthorization keys, String accessKey, int maxPages) {
        this.rest = rest;
        this.keys = keys;
        this.accessKey = accessKey;
        this.maxPages = maxPages;
    }

    /** {@code GET /v1/accounts}: every balance. */
    public CompletableFuture<RestResult<List<Balance>>> balances() {
        return rest.execute(read("/v1/accounts", new RestParams(), RestJson::balances), keys, accessKey);
    }

    /**
     * {@code GET /v1/orders/open}, every page, in order, until one is not full.
     *
     * @param codes  the markets (one is Upbit's filter; several are filtered here); empty for every market
     * @param states comma-separated states ({@code wait}, {@code watch})
     */
    public CompletableFuture<RestResult<List<Order>>> openOrders(SortedSet<String> codes, String states) {
        return openPage(codes, states, 1, new ArrayList<>());
    }

    private CompletableFuture<RestResult<List<Order>>> openPage(SortedSet<String> codes, String states, int page,
            List<Order> soFar) {
        RestParams params = listParams(codes, states).add("page", page).add("limit", OPEN_PAGE).add("order_by", "desc");
        return rest.execute(read("/v1/orders/open", params, RestJson::orders), keys, accessKey)
                .thenCompose(result -> {
                    soFar.addAll(result.value());
                    if (result.value().size() < OPEN_PAGE) {
                        return done(codes, soFar, result, page);
                    }
                    if (page >= maxPages) {
                        throw new IllegalStateException("Upbit's open orders fill more than " + page + " pages of "
                                + OPEN_PAGE + ": raise maxPages");
                    }
                    return openPage(codes, states, page + 1, soFar);
                });
    }

    /**
     * {@code GET /v1/orders/closed}, newest first. Upbit pages closed orders by time only (no page number), so each
     * next page ends at the oldest order of the one before; orders of that second come again and are kept once.
     *
     * @param codes  as for {@link #openOrders}
     * @param states comma-separated states ({@code done}, {@code cancel}), or {@code null} for both
     * @param from   the earliest creation time wanted, read in windows of 7 days (Upbit's longest) up to now; or
     *               {@code null} for Upbit's default window, the 7 days before now
     */
    public CompletableFuture<RestResult<List<Order>>> closedOrders(SortedSet<String> codes, String states,
            Instant from) {
        Map<String, Order> soFar = new LinkedHashMap<>();
        Instant now = Instant.now();
        if (from == null) {
            return closedPage(codes, states, null, null, null, 1, soFar, now);
        }
        // whole seconds, as Upbit writes times: a window of 7 days stays one when written
        Instant start = from.truncatedTo(ChronoUnit.SECONDS);
        Instant end = windowEnd(start, now);
        return closedPage(codes, states, start, end, end, 1, soFar, now);
    }

    /** Upbit's times have whole seconds: an end inside a second is written as the end of that second. */
    private static Instant wholeSecondAfter(Instant at) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        return second.equals(at) ? at : second.plusSeconds(1);
    }

    private static Instant windowEnd(Instant start, Instant now) {
        Instant end = start.plus(CLOSED_WINDOW);
        return end.isAfter(now) ? now : end;
    }

    /**
     * One page of the window [{@code start}, {@code end}], the one ending at {@code pageEnd}: then the next page of
     * the same window while pages are full, else the next window until now. A next page ends a second after the
     * oldest order of the one before (Upbit writes creation times to the second), so that none of that second's
     * orders is left out.
     *
     * @param start   the window's start; {@code null} for Upbit's default window (no window is walked)
     * @param pageEnd the page's end; {@code null} for now
     */
    private CompletableFuture<RestResult<List<Order>>> closedPage(SortedSet<String> codes, String states,
            Instant start, Instant end, Instant pageEnd, int page, Map<String, Order> soFar, Instant now) {
        RestParams params = listParams(codes, states)
                .add("start_time", start == null ? null : UPBIT_TIME.format(start.atOffset(KST)))
                .add("end_time", pageEnd == null ? null : UPBIT_TIME.format(wholeSecondAfter(pageEnd).atOffset(KST)))
                .add("limit", CLOSED_PAGE).add("order_by", "desc");
        return rest.execute(read("/v1/orders/closed", params, RestJson::orders), keys, accessKey)
                .thenCompose(result -> {
                    int before = soFar.size();
                    OffsetDateTime oldest = null;
                    for (Order order : result.value()) {
                        soFar.putIfAbsent(order.uuid(), order);
                        if (order.createdAt() != null && (oldest == null || order.createdAt().isBefore(oldest))) {
                            oldest = order.createdAt();
                        }
                    }
                    boolean full = result.value().size() >= CLOSED_PAGE;
                    if (full && (soFar.size() == before || oldest == null)) {
                        throw new IllegalStateException("Upbit's closed orders cannot be paged further: more than "
                                + CLOSED_PAGE + " closed orders within two seconds");
                    }
                    boolean lastWindow = start == null || !end.isBefore(now);
                    if (!full && lastWindow) {
                        return done(codes, new ArrayList<>(soFar.values()), result, page);
                    }
                    if (page >= maxPages) {
                        throw new IllegalStateException("Upbit's closed orders fill more than " + page + " pages of "
                                + CLOSED_PAGE + ": raise maxPages");
                    }
                    if (!full) {
                        Instant next = windowEnd(end, now);
                        return closedPage(codes, states, end, next, next, page + 1, soFar, now);
                    }
                    Instant nextEnd = oldest.toInstant().plusSeconds(1);
                    return closedPage(codes, states, start, end, nextEnd, page + 1, soFar, now);
                });
    }

    /**
     * {@code GET /v1/orders/uuids}: the orders of these ids, in batches of 100; ids Upbit does not know are left out.
     */
    public CompletableFuture<RestResult<List<Order>>> orders(Collection<String> uuids) {
        List<String> all = new ArrayList<>(uuids);
        CompletableFuture<RestResult<List<Order>>> chain = CompletableFuture.completedFuture(
                new RestResult<>(new ArrayList<>(), null, 0));
        for (int from = 0; from < all.size(); from += IDS_PER_REQUEST) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + IDS_PER_REQUEST));
            chain = chain.thenCompose(soFar -> rest.execute(read("/v1/orders/uuids",
                    new RestParams().addArray("uuids", batch), RestJson::orders), keys, accessKey)
                    .thenApply(result -> {
                        soFar.value().addAll(result.value());
                        return new RestResult<>(soFar.value(), result.remainingReq(),
                                soFar.attempts() + result.attempts());
                    }));
        }
        return chain;
    }

    /** One code is Upbit's market filter; several are read as every market's and filtered on the way back. */
    private static RestParams listParams(SortedSet<String> codes, String states) {
        RestParams params = new RestParams().add("market", codes.size() == 1 ? codes.first() : null);
        if (states != null) {
            params.addArray("states", Arrays.stream(states.split(",")).map(String::trim).toList());
        }
        return params;
    }

    /** The orders of the codes (every one when none): the market filter of one code is checked here too. */
    private static CompletableFuture<RestResult<List<Order>>> done(SortedSet<String> codes, List<Order> orders,
            RestResult<?> last, int pages) {
        List<Order> kept = codes.isEmpty() ? orders : orders.stream().filter(o -> codes.contains(o.code())).toList();
        return CompletableFuture.completedFuture(new RestResult<>(kept, last.remainingReq(), pages));
    }

    private static <T> RestCall<T> read(String path, RestParams params, Function<String, T> reader) {
        return new RestCall<>("GET", path, params, RestGroup.DEFAULT, true, reader, RestCall.Repeat.SAFE, null);
    }
}
