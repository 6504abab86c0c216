package io.camelupbit.examples.marketwatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import io.camelupbit.event.TickerEvent;

/** The latest ticker per market, rendered as a compact table. */
public class TickerBoard {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Map<String, TickerEvent> latest = new ConcurrentSkipListMap<>();

    /** Keeps the newest ticker of its market. */
    public void update(TickerEvent ticker) {
        latest.merge(ticker.code(), ticker, (old, now) -> now.timestamp() >= old.timestamp() ? now : old);
    }

    /** The markets seen so far with their newest ticker. */
    public Map<String, TickerEvent> snapshot() {
        return Map.copyOf(latest);
    }

    /** ANSI: cursor to the top left, then clear the screen. */
    static final String HOME_AND_CLEAR = "\u001b[H\u001b[2J";

    /** {@link #render()} drawn over the terminal's screen. */
    public String renderInPlace() {
        return HOME_AND_CLEAR + render().stripLeading();
    }

    /** One line per market: price, change against the previous close, 24 h volume and value. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n%-10s %18s %9s %16s %20s   (UTC %s)%n", "market", "price", "change", "volume 24h",
                "value 24h (KRW)", CLOCK.format(Instant.now())));
        DecimalFormat price = new DecimalFormat("#,##0.########");
        DecimalFormat amount = new DecimalFormat("#,##0.00");
        latest.forEach((code, t) -> out.append(String.format("%-10s %18s %8s%% %16s %20s%n",
                code,
                price.format(t.tradePrice()),
                signedPercent(t.signedChangeRate()),
                amount.format(t.accTradeVolume24h()),
                new DecimalFormat("#,##0").format(t.accTradePrice24h()))));
        return out.toString();
    }

    private static String signedPercent(BigDecimal rate) {
        BigDecimal percent = rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString();
    }
}
