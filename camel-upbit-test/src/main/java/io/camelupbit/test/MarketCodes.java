package io.camelupbit.test;

import java.util.regex.Pattern;

/** Market code syntax: {@code QUOTE-BASE}, e.g. {@code KRW-BTC}; orderbook codes may carry a depth suffix. */
final class MarketCodes {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2,5}-[A-Z0-9]{1,15}");
    // Any depth suffix is accepted: since 2025-07-02 Upbit serves N outside {1, 5, 15, 30} as 30 rows.
    private static final Pattern ORDERBOOK_CODE = Pattern.compile("[A-Z]{2,5}-[A-Z0-9]{1,15}(\\.[0-9]{1,3})?");

    private MarketCodes() {
    }

    static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Valid as an orderbook code: a bare code or one with a numeric depth suffix ({@code KRW-BTC.15}). */
    static boolean isValidOrderbookCode(String code) {
        return code != null && ORDERBOOK_CODE.matcher(code).matches();
    }

    /** The rows an orderbook code asks for: N of a {@code .N} suffix in {1, 5, 15, 30}, else 30 (Upbit's rule). */
    static int depth(String code) {
        int dot = code.indexOf('.');
        if (dot < 0) {
            return 30;
        }
        int n = Integer.parseInt(code.substring(dot + 1));
        return n == 1 || n == 5 || n == 15 ? n : 30;
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

    /** The base currency, e.g. {@code BTC} of {@code KRW-BTC}. */
    static String base(String code) {
        return code.substring(code.indexOf('-') + 1);
    }

    static String requireValid(String code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("not a market code like KRW-BTC: " + code);
        }
        return code;
    }
}
