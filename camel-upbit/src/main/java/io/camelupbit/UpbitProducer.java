package io.camelupbit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

import io.camelupbit.auth.JwtAuthorization;
import io.camelupbit.event.AskBid;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.SmpType;
import io.camelupbit.event.TimeInForce;
import io.camelupbit.rest.RestCall;
import io.camelupbit.rest.RestGroup;
import io.camelupbit.rest.RestJson;
import io.camelupbit.rest.RestParams;
import io.camelupbit.rest.RestResult;
import io.camelupbit.rest.UpbitRest;
import io.camelupbit.trading.Order;
import io.camelupbit.trading.OrderRequest;

/**
 * A REST operation as a producer ({@code to("upbit:placeOrder")} and the like), asynchronous: the route's thread is
 * never held while Upbit answers. Inputs are read from the body, then the headers, then the endpoint's options; a bad
 * input fails the exchange before any request. The answer becomes the body (a record or a list of them), with the
 * headers {@code CamelUpbitOrderUuid} (order operations) and {@code CamelUpbitRemainingReq}.
 */
final class UpbitProducer extends DefaultAsyncProducer {

    /** Upbit's page size for open orders, its largest. */
    static final int PAGE = 100;
    /** Upbit's largest page of closed orders. */
    static final int CLOSED_PAGE = 1000;
    /** Upbit's times, with the offset and whole seconds. */
    private static final DateTimeFormatter UPBIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final UpbitOperation operation;
    private final UpbitConfiguration configuration;
    private JwtAuthorization keys;
    private String accessKey;
    /** The codes of openOrders and closedOrders; empty for every market. */
    private SortedSet<String> codes = new TreeSet<>();

    UpbitProducer(UpbitEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.operation = configuration.operation();
    }

    @Override
    public UpbitEndpoint getEndpoint() {
        return (UpbitEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getCodes() != null && !configuration.getCodes().isBlank()) {
            codes = configuration.checkedCodes();
        }
        if (operation.signed()) {
            keys = getEndpoint().getComponent().restKeys(configuration);
            accessKey = getEndpoint().getComponent().accessKeyOf(configuration);
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<? extends RestResult<?>> answer;
        try {
            answer = start(exchange.getMessage());
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        answer.whenComplete((result, failure) -> {
            if (failure != null) {
                exchange.setException(failure instanceof CompletionException c
                        && c.getCause() != null ? c.getCause() : failure);
            } else {
                Message out = exchange.getMessage();
                out.setBody(result.value());
                if (result.value() instanceof Order order) {
                    out.setHeader(UpbitConstants.ORDER_UUID, order.uuid());
                }
                if (result.remainingReq() != null) {
                    out.setHeader(UpbitConstants.REMAINING_REQ, result.remainingReq());
                }
            }
            callback.done(false);
        });
        return false;
    }

    private CompletableFuture<? extends RestResult<?>> start(Message in) {
        UpbitRest rest = getEndpoint().getComponent().rest();
        return switch (operation) {
            case ACCOUNTS -> rest.execute(read("GET", "/v1/accounts", new RestParams(), RestJson::balances), keys,
                    accessKey);
            case ORDER_CHANCE -> rest.execute(read("GET", "/v1/orders/chance",
                    new RestParams().add("market", requiredCode(in)), RestJson::chance), keys, accessKey);
            case PLACE_ORDER, TEST_ORDER -> rest.execute(order(orderRequest(in)), keys, accessKey);
            case CANCEL_ORDER -> rest.execute(read("DELETE", "/v1/order", orderKey(in), RestJson::order), keys,
                    accessKey);
            case GET_ORDER -> rest.execute(read("GET", "/v1/order", orderKey(in), RestJson::order), keys, accessKey);
            case OPEN_ORDERS -> openOrders(rest, 1, new ArrayList<>());
            case CLOSED_ORDERS -> closedOrders(rest, 1, new LinkedHashMap<>(), null);
            case MARKETS -> rest.execute(new RestCall<>("GET", "/v1/market/all",
                    new RestParams().add("is_details", "true"), RestGroup.MARKET, false, RestJson::markets,
                    RestCall.Repeat.SAFE, null), null, null);
        };
    }

    /** Every page, in order, until one is not full; more than maxPages fails rather than leaving orders out. */
    private CompletableFuture<RestResult<List<Order>>> openOrders(UpbitRest rest, int page, List<Order> soFar) {
        return rest.execute(read("GET", "/v1/orders/open", listParams(PAGE, page,
                configuration.getState() == null ? "wait" : configuration.getState()), RestJson::orders), keys,
                accessKey).thenCompose(result -> {
                    soFar.addAll(result.value());
                    if (result.value().size() < PAGE) {
                        return CompletableFuture.completedFuture(filtered(new RestResult<>(soFar,
                                result.remainingReq(), page)));
                    }
                    if (page >= configuration.getMaxPages()) {
                        throw new IllegalStateException("upbit:openOrders read " + page + " pages of " + PAGE
                                + " open orders and there are more: raise maxPages");
                    }
                    return openOrders(rest, page + 1, soFar);
                });
    }

    /**
     * Closed orders, newest first, page after page: Upbit pages them by time only (no page number), so each next page
     * ends at the oldest order of the one before; orders of that second come again and are kept once. More than
     * maxPages fails rather than leaving orders out, and so do more orders in one second than a page holds.
     */
    private CompletableFuture<RestResult<List<Order>>> closedOrders(UpbitRest rest, int page,
            Map<String, Order> soFar, OffsetDateTime endTime) {
        RestParams params = listParams(CLOSED_PAGE, null, configuration.getState())
                .add("end_time", endTime == null ? null : UPBIT_TIME.format(endTime));
        return rest.execute(read("GET", "/v1/orders/closed", params, RestJson::orders), keys, accessKey)
                .thenCompose(result -> {
                    int before = soFar.size();
                    OffsetDateTime oldest = null;
                    for (Order order : result.value()) {
                        soFar.putIfAbsent(order.uuid(), order);
                        if (order.createdAt() != null && (oldest == null || order.createdAt().isBefore(oldest))) {
                            oldest = order.createdAt();
                        }
                    }
                    if (result.value().size() < CLOSED_PAGE) {
                        return CompletableFuture.completedFuture(filtered(new RestResult<>(
                                new ArrayList<>(soFar.values()), result.remainingReq(), page)));
                    }
                    if (soFar.size() == before || oldest == null) {
                        throw new IllegalStateException("upbit:closedOrders cannot page further: more than "
                                + CLOSED_PAGE + " closed orders share one second at Upbit");
                    }
                    if (page >= configuration.getMaxPages()) {
                        throw new IllegalStateException("upbit:closedOrders read " + page + " pages of " + CLOSED_PAGE
                                + " closed orders and there are more: raise maxPages");
                    }
                    return closedOrders(rest, page + 1, soFar, oldest);
                });
    }

    /** One code is Upbit's market filter; several are filtered here from the list of every market. */
    private RestParams listParams(int limit, Integer page, String states) {
        RestParams params = new RestParams().add("market", codes.size() == 1 ? codes.first() : null);
        if (states != null) {
            params.addArray("states", Arrays.stream(states.split(",")).map(String::trim).toList());
        }
        return params.add("page", page).add("limit", limit).add("order_by", "desc");
    }

    private RestResult<List<Order>> filtered(RestResult<List<Order>> result) {
        if (codes.size() < 2) {
            return result;
        }
        return new RestResult<>(result.value().stream().filter(o -> codes.contains(o.code())).toList(),
                result.remainingReq(), result.attempts());
    }

    private <T> RestCall<T> read(String method, String path, RestParams params,
            Function<String, T> reader) {
        return new RestCall<>(method, path, params, RestGroup.DEFAULT, true, reader, RestCall.Repeat.SAFE, null);
    }

    private RestCall<Order> order(OrderRequest request) {
        boolean test = operation == UpbitOperation.TEST_ORDER;
        RestParams params = new RestParams()
                .add("market", request.code().toUpperCase(Locale.ROOT))
                .add("side", lower(request.side()))
                .add("volume", request.volume())
                .add("price", request.price())
                .add("ord_type", lower(request.orderType()))
                .add("time_in_force", lower(request.timeInForce()))
                .add("smp_type", lower(request.smpType()))
                .add("identifier", request.identifier());
        RestCall<Order> lookup = request.identifier() == null ? null : read("GET", "/v1/order",
                new RestParams().add("identifier", request.identifier()), RestJson::order);
        RestCall.Repeat repeat = test ? RestCall.Repeat.SAFE
                : request.identifier() != null ? RestCall.Repeat.ORDER_WITH_IDENTIFIER : RestCall.Repeat.NEVER;
        return new RestCall<>("POST", test ? "/v1/orders/test" : "/v1/orders", params,
                test ? RestGroup.ORDER_TEST : RestGroup.ORDER, true, RestJson::order, repeat, lookup);
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** The body's {@link OrderRequest}, else one from the headers over the endpoint's options; checked. */
    private OrderRequest orderRequest(Message in) {
        if (in.getBody() instanceof OrderRequest request) {
            return request.check();
        }
        String side = text(in, UpbitConstants.ORDER_SIDE, configuration.getSide());
        String type = text(in, UpbitConstants.ORDER_TYPE, configuration.getOrderType());
        String tif = text(in, UpbitConstants.ORDER_TIME_IN_FORCE, configuration.getTimeInForce());
        String smp = text(in, UpbitConstants.ORDER_SMP_TYPE, configuration.getSmpType());
        return new OrderRequest(requiredCode(in),
                side == null ? null : AskBid.of(side.toUpperCase(Locale.ROOT)),
                type == null ? null : OrderType.of(type),
                decimal(in, UpbitConstants.ORDER_PRICE, UpbitConfiguration.amount("price", configuration.getPrice())),
                decimal(in, UpbitConstants.ORDER_VOLUME,
                        UpbitConfiguration.amount("volume", configuration.getVolume())),
                tif == null ? null : TimeInForce.of(tif),
                smp == null ? null : SmpType.of(smp),
                text(in, UpbitConstants.ORDER_IDENTIFIER, configuration.getIdentifier())).check();
    }

    private String requiredCode(Message in) {
        String code = text(in, UpbitConstants.ORDER_CODE, configuration.getCode());
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("upbit:" + operation.uriName() + " needs a market: set header "
                    + UpbitConstants.ORDER_CODE + " or option code");
        }
        return code.trim().toUpperCase(Locale.ROOT);
    }

    /** uuid (header, then option), else identifier (header, then option). */
    private RestParams orderKey(Message in) {
        String uuid = text(in, UpbitConstants.ORDER_UUID, configuration.getUuid());
        if (uuid != null) {
            return new RestParams().add("uuid", uuid);
        }
        String identifier = text(in, UpbitConstants.ORDER_IDENTIFIER, configuration.getIdentifier());
        if (identifier != null) {
            return new RestParams().add("identifier", identifier);
        }
        throw new IllegalArgumentException("upbit:" + operation.uriName() + " needs an order: set header "
                + UpbitConstants.ORDER_UUID + " or " + UpbitConstants.ORDER_IDENTIFIER + ", or option uuid or identifier");
    }

    private static String text(Message in, String header, String option) {
        Object value = in.getHeader(header);
        return value != null ? value.toString() : option;
    }

    private static BigDecimal decimal(Message in, String header, BigDecimal option) {
        Object value = in.getHeader(header);
        if (value == null) {
            return option;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Header " + header + " must be a number, got '" + value + "'");
        }
    }
}
