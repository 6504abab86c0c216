package io.camelupbit;

import java.math.BigDecimal;
import java.util.Locale;
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
import io.camelupbit.error.UpbitException;
import io.camelupbit.error.UpbitRequestException;
import io.camelupbit.event.AskBid;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.SmpType;
import io.camelupbit.event.TimeInForce;
import io.camelupbit.rest.AccountReads;
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

    private final UpbitOperation operation;
    private final UpbitConfiguration configuration;
    private JwtAuthorization keys;
    private String accessKey;
    private AccountReads reads;
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
            reads = getEndpoint().getComponent().accountReads(configuration);
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<? extends RestResult<?>> answer;
        try {
            answer = start(exchange.getMessage());
        } catch (RuntimeException e) {
            // thrown before anything was sent: the message's input (or an order Upbit would refuse)
            exchange.setException(e instanceof UpbitException ? e : new UpbitRequestException(e.getMessage(), e));
            callback.done(true);
            return true;
        }
        answer.whenComplete((result, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException c && c.getCause() != null
                        ? c.getCause() : failure;
                exchange.setException(cause instanceof UpbitException ? cause
                        : new UpbitException("upbit:" + operation.uriName() + " failed: " + cause, cause));
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
            case ACCOUNTS -> reads.balances();
            case ORDER_CHANCE -> rest.execute(read("GET", "/v1/orders/chance",
                    new RestParams().add("market", requiredCode(in)), RestJson::chance), keys, accessKey);
            case PLACE_ORDER, TEST_ORDER -> rest.execute(order(orderRequest(in)), keys, accessKey);
            case CANCEL_ORDER -> rest.execute(read("DELETE", "/v1/order", orderKey(in), RestJson::order), keys,
                    accessKey);
            case GET_ORDER -> rest.execute(read("GET", "/v1/order", orderKey(in), RestJson::order), keys, accessKey);
            case OPEN_ORDERS -> reads.openOrders(codes,
                    configuration.getState() == null ? "wait" : configuration.getState());
            case CLOSED_ORDERS -> reads.closedOrders(codes, configuration.getState(), null);
            case MARKETS -> rest.execute(new RestCall<>("GET", "/v1/market/all",
                    new RestParams().add("is_details", "true"), RestGroup.MARKET, false, RestJson::markets,
                    RestCall.Repeat.SAFE, null), null, null);
        };
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
