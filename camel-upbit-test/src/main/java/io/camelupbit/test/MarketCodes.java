package io.camelupbit.test;

import java.util.regex.Pattern;

/** Market code syntax: {@code QUOTE-BASE}, e.g. {@code KRW-BTC}; orderbook codes may carry a depth suffix. */
final class MarketCodes {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2,5}-[A-Z0-9]{1,15}");
    private static final Pattern ORDERBOOK_CODE = Pattern.compile("[A-Z]{2,5}-[A-Z0-9]{1,15}(\\.(1|5|15|30))?");

    private MarketCodes() {
    }

    static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Valid as an orderbook code: a bare code or one with a depth suffix of 1, 5, 15 or 30. */
    static boolean isValidOrderbookCode(String code) {
        return code != null && ORDERBOOK_CODE.matcher(code).matches();
    }

    /** The code without its {@code .N} depth suffix. */
    static String bare(String code) {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    /** The quote currency, e.g. {@code KRW} of {@code KRW-BTC}. */
    static String quote(String code) {
        return code.substring(0, code.indexOf('-'));
    }

    static String requireValid(String code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("not a market code like KRW-BTC: " + code);
        }
        return code;
    }
}
