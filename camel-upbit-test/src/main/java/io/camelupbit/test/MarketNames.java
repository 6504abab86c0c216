package io.camelupbit.test;

import java.util.Map;

/**
 * The {@code korean_name} and {@code english_name} of a market's base currency, as Upbit lists them for the
 * well-known ones; any other currency is named by its code in both languages (the simulator's choice).
 */
final class MarketNames {

    /** Base currency: Korean name, English name. */
    private static final Map<String, String[]> KNOWN = Map.of(
            "BTC", new String[] {"비트코인", "Bitcoin"},
            "ETH", new String[] {"이더리움", "Ethereum"},
            "XRP", new String[] {"엑스알피(리플)", "XRP"},
            "SOL", new String[] {"솔라나", "Solana"},
            "DOGE", new String[] {"도지코인", "Dogecoin"},
            "USDT", new String[] {"테더", "Tether"});

    private MarketNames() {
    }

    static String korean(String code) {
        String base = MarketCodes.base(code);
        String[] names = KNOWN.get(base);
        return names == null ? base : names[0];
    }

    static String english(String code) {
        String base = MarketCodes.base(code);
        String[] names = KNOWN.get(base);
        return names == null ? base : names[1];
    }
}
