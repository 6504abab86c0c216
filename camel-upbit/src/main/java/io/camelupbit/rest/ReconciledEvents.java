package io.camelupbit.rest;

import java.util.ArrayList;
import java.util.List;

import io.camelupbit.event.Asset;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.StreamType;
import io.camelupbit.trading.Balance;
import io.camelupbit.trading.Order;

/**
 * REST answers as the private stream's events, for a reconciliation: what a route would have seen had it been
 * subscribed all along. Each is a {@link StreamType#SNAPSHOT}. Field by field as docs/trading.md's table says; what
 * REST does not give is {@code null}: an order's average price (Upbit's REST order has none; dividing executed funds by
 * volume would not be Upbit's number), and the fill fields (trade uuid, fee, maker, trade time), since a reconciled
 * order is its state, not one of its fills.
 */
public final class ReconciledEvents {

    /** The id of a reconciled balance event, which Upbit did not send. */
    static final String ASSET_UUID_PREFIX = "reconciled-";

    private ReconciledEvents() {
    }

    /**
     * Every balance in one event.
     *
     * @param at when the balances were read, epoch milliseconds: the event's time and its asset time
     */
    public static MyAssetEvent assets(List<Balance> balances, long at) {
        List<Asset> assets = new ArrayList<>(balances.size());
        for (Balance b : balances) {
            assets.add(new Asset(b.currency(), b.balance(), b.locked()));
        }
        return new MyAssetEvent(ASSET_UUID_PREFIX + at, assets, at, at, StreamType.SNAPSHOT);
    }

    /**
     * An order's current state.
     *
     * @param at when the order was read, epoch milliseconds: the event's time
     */
    public static MyOrderEvent order(Order o, long at) {
        return new MyOrderEvent(o.code(), o.uuid(), o.side(), o.orderType(), o.state(), null, o.price(), null,
                o.volume(), o.remainingVolume(), o.executedVolume(), o.tradesCount(), o.reservedFee(),
                o.remainingFee(), o.paidFee(), o.locked(), o.executedFunds(), o.timeInForce(), null, null,
                o.identifier(), o.smpType(), o.preventedVolume(), o.preventedLocked(), null,
                o.createdAt() == null ? null : o.createdAt().toInstant().toEpochMilli(), at, StreamType.SNAPSHOT);
    }
}
