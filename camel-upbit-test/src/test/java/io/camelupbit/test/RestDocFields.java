package io.camelupbit.test;

import java.util.List;
import java.util.Set;

/**
 * The keys of Upbit's official REST example answers (camel-upbit's upbit-docs/rest/*.json, research-rest.md §6),
 * copied here by hand, not from the simulator's writers, so that a typo there shows up.
 */
final class RestDocFields {

    /** accounts.json; also orders-chance.json's bid_account and ask_account. */
    static final List<String> ACCOUNT = List.of("currency", "balance", "locked", "avg_buy_price",
            "avg_buy_price_modified", "unit_currency");

    /** order-post.json, order-delete.json, order-get-limit.json without trades: a limit order. */
    static final List<String> LIMIT_ORDER = List.of("market", "uuid", "side", "ord_type", "price", "state",
            "created_at", "volume", "remaining_volume", "executed_volume", "reserved_fee", "remaining_fee", "paid_fee",
            "locked", "prevented_volume", "prevented_locked", "trades_count");
    /** order-get.json: a market sell, no price. */
    static final List<String> MARKET_ORDER = List.of("market", "uuid", "side", "ord_type", "state", "created_at",
            "volume", "remaining_volume", "executed_volume", "reserved_fee", "remaining_fee", "paid_fee", "locked",
            "prevented_volume", "prevented_locked", "trades_count", "trades");
    /** order-get-price.json: a market buy by total, no volume. */
    static final List<String> PRICE_ORDER = List.of("market", "uuid", "side", "ord_type", "price", "state",
            "created_at", "executed_volume", "reserved_fee", "remaining_fee", "paid_fee", "locked",
            "prevented_locked", "trades_count", "trades");
    /** order-get-best.json: a best bid with time in force. */
    static final List<String> BEST_BID_ORDER = List.of("market", "uuid", "side", "ord_type", "price", "state",
            "created_at", "executed_volume", "reserved_fee", "remaining_fee", "paid_fee", "locked",
            "prevented_locked", "trades_count", "time_in_force", "trades");
    /** An item of trades. */
    static final List<String> TRADE = List.of("market", "uuid", "price", "volume", "funds", "trend", "created_at",
            "side");

    /** orders-chance.json. */
    static final List<String> CHANCE = List.of("bid_fee", "ask_fee", "maker_bid_fee", "maker_ask_fee", "market",
            "bid_account", "ask_account");
    static final List<String> CHANCE_MARKET = List.of("id", "name", "order_types", "order_sides", "bid_types",
            "ask_types", "bid", "ask", "max_total", "state");
    static final List<String> CHANCE_SIDE = List.of("currency", "min_total");

    /** market-all.json. */
    static final List<String> MARKET = List.of("market", "korean_name", "english_name");
    static final List<String> MARKET_EVENT = List.of("warning", "caution");
    static final List<String> CAUTION = List.of("PRICE_FLUCTUATIONS", "TRADING_VOLUME_SOARING",
            "DEPOSIT_AMOUNT_SOARING", "GLOBAL_PRICE_DIFFERENCES", "CONCENTRATION_OF_SMALL_ACCOUNTS");

    /** The decimal fields, JSON strings in every example. */
    static final Set<String> DECIMALS = Set.of("balance", "locked", "avg_buy_price", "price", "volume",
            "remaining_volume", "executed_volume", "reserved_fee", "remaining_fee", "paid_fee", "prevented_volume",
            "prevented_locked", "funds", "bid_fee", "ask_fee", "maker_bid_fee", "maker_ask_fee", "min_total",
            "max_total");

    /** Research-rest.md §1.2: SHA-512 of the three documented hash texts, computed there with Python's hashlib. */
    static final String HASH_OPEN_ARRAY = "c01bbcb80094d2225c90eda65128baf7ef800471fbdeb76579856d1532cd263060e41ede9c"
            + "52bfc926a0b46c4b7797a61e4327cda59d236f829cde4c875dfe77";
    static final String HASH_ORDER_BODY = "1db802a392c559d55c99662a20c6911ba9ea31a9f58bf92156af243ca1462b004c6e6b27c9"
            + "34afefbde5ca15d28deb67e90cd619b466c9a3c2fe020ad2bbdd24";

    private RestDocFields() {
    }
}
