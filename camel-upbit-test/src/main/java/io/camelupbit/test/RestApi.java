package io.camelupbit.test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The endpoints of the REST API, once a request is within its limit and authenticated: each reads its parameters
 * and answers from the key's {@link SimAccount} or the {@link Market}. Thread-safe (the accounts are).
 */
final class RestApi {

    private final Map<String, SimAccount> accounts;
    private final Market market;
    private final Clock clock;
    private final OrderPlacement placement;

    RestApi(Map<String, SimAccount> accounts, Market market, Clock clock) {
        this.accounts = Map.copyOf(accounts);
        this.market = market;
        this.clock = clock;
        this.placement = new OrderPlacement(market);
    }

    /**
     * The answer of this route.
     *
     * @param accessKey the authenticated key ({@code null} for the Quotation API)
     * @throws RestFailure for an error answer
     */
    RestResponse answer(RestRoute route, String accessKey, RestParams p) {
        SimAccount account = accessKey == null ? null : accounts.get(accessKey);
        return switch (route) {
            case ACCOUNTS -> RestResponse.ok(RestJson.write(g -> {
                g.writeStartArray();
                for (AccountRow row : account.accountRows()) {
                    RestJson.account(g, row);
                }
                g.writeEndArray();
            }));
            case CHANCE -> {
                String code = marketParameter(p);
                yield RestResponse.ok(RestJson.write(g -> OrderChanceJson.write(g, code, account)));
            }
            case ORDER_NEW, ORDER_TEST -> {
                SimOrder order = placement.place(account, p, route == RestRoute.ORDER_TEST);
                yield RestResponse.created(RestJson.write(g -> OrderJson.order(g, order)));
            }
            case ORDER_GET -> {
                OrderView view = find(account, p);
                yield RestResponse.ok(RestJson.write(g -> OrderJson.order(g, view)));
            }
            case ORDER_CANCEL -> {
                SimOrder accepted = cancel(account, find(account, p).order());
                yield RestResponse.ok(RestJson.write(g -> OrderJson.order(g, accepted)));
            }
            case ORDERS_OPEN -> list(OrderLists.open(account.orders(), p));
            case ORDERS_CLOSED -> list(OrderLists.closed(account.orders(), p, clock.instant()));
            case ORDERS_BY_IDS -> list(OrderLists.byIds(account.orders(), p));
            case MARKET_ALL -> {
                boolean details = details(p);
                yield RestResponse.ok(RestJson.write(g -> MarketListJson.write(g, market, details)));
            }
        };
    }

    private static RestResponse list(List<SimOrder> orders) {
        return RestResponse.ok(RestJson.write(g -> OrderJson.orders(g, orders)));
    }

    private static String marketParameter(RestParams p) {
        String code = p.first("market");
        if (code == null) {
            throw RestFailure.missing("market");
        }
        if (!MarketCodes.isValid(code)) {
            throw RestFailure.badRequest(RestErrorNames.NOT_FOUND_MARKET, "다음 마켓에 없는 종목입니다: " + code);
        }
        return code;
    }

    /** The order named by {@code uuid} or else {@code identifier} (Upbit: the uuid wins), or 404. */
    private static OrderView find(SimAccount account, RestParams p) {
        String uuid = p.first("uuid");
        String identifier = p.first("identifier");
        if (uuid == null && identifier == null) {
            throw RestFailure.missing("uuid or identifier");
        }
        OrderView view = account.view(uuid, identifier);
        if (view == null) {
            throw notFound();
        }
        return view;
    }

    /**
     * Cancels an order and answers it as it was when the cancel was accepted (Upbit's example: still {@code wait},
     * its funds still locked). An order no longer open (done, cancelled) cannot be cancelled: Upbit does not say
     * what it answers; the simulator answers {@code order_not_found}, as for no order at all.
     */
    private static SimOrder cancel(SimAccount account, SimOrder order) {
        try {
            return account.cancelAccepted(order.uuid());
        } catch (IllegalStateException e) {
            throw notFound();
        }
    }

    private static RestFailure notFound() {
        return new RestFailure(404, RestErrorNames.ORDER_NOT_FOUND, "주문을 찾지 못했습니다.");
    }

    /** {@code is_details}: {@code true} or {@code false} (default); anything else is a Quotation 400. */
    private static boolean details(RestParams p) {
        String value = p.first("is_details");
        if (value == null || "false".equals(value)) {
            return false;
        }
        if ("true".equals(value)) {
            return true;
        }
        throw RestFailure.quotation("Type mismatch error. Check the parameters type!");
    }
}
