package io.camelupbit.test;

import java.util.List;

/** {@code ticker}: the snapshot, then one ticker per feed tick in which the market traded (the latest state). */
final class TickerStream implements MarketStream {

    private final Market market;
    private final String code;
    /** The index of the last trade already reported. */
    private long cursor;

    TickerStream(Market market, String code) {
        this.market = market;
        this.code = code;
    }

    @Override
    public DataItem snapshot() {
        Ticker snapshot = market.ticker(code, Ticker.StreamType.SNAPSHOT);
        cursor = snapshot.tradeIndex();
        return snapshot;
    }

    @Override
    public void startAtNow() {
        cursor = market.lastTrade(code).index();
    }

    @Override
    public List<DataItem> due() {
        Ticker ticker = market.ticker(code, Ticker.StreamType.REALTIME);
        if (ticker.tradeIndex() <= cursor) {
            return List.of();
        }
        cursor = ticker.tradeIndex();
        return List.of(ticker);
    }
}
