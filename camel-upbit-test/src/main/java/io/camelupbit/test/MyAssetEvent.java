package io.camelupbit.test;

import java.util.List;

/** One {@code myAsset} message (upbit-protocol.md §4.6): the currencies whose balances an event changed. */
record MyAssetEvent(String assetUuid, List<SimBalance> assets, long assetTimestamp, long timestamp)
        implements DataItem {

    MyAssetEvent {
        assets = List.copyOf(assets);
    }
}
