package io.camelupbit.event;

import java.util.List;

/**
 * A change of the account's balances ({@code myAsset}, private): the currencies whose balance changed.
 *
 * @param assetUuid      id of this change
 * @param assets         the changed balances
 * @param assetTimestamp time of the change, epoch milliseconds; {@code null} when Upbit sends none or a malformed one
 * @param timestamp      message time, epoch milliseconds
 * @param streamType     realtime (Upbit sends no snapshot)
 */
public record MyAssetEvent(
        String assetUuid,
        List<Asset> assets,
        Long assetTimestamp,
        long timestamp,
        StreamType streamType) implements UpbitEvent {

    /** The Upbit type name of this event. */
    public static final String TYPE = "myAsset";

    public MyAssetEvent {
        assets = List.copyOf(assets);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Always {@code null}: a balance change belongs to the account, not to a market. */
    @Override
    public String code() {
        return null;
    }
}
