package io.camelupbit.test;

/** The myAsset fields (upbit-protocol.md §4.6), in the order Upbit's sample writes them. */
enum MyAssetKey implements Key {
    TYPE("type", "ty"),
    ASSET_UUID("asset_uuid", "astuid"),
    ASSETS("assets", "ast"),
    ASSET_TIMESTAMP("asset_timestamp", "asttms"),
    TIMESTAMP("timestamp", "tms"),
    STREAM_TYPE("stream_type", "st");

    private final String full;
    private final String simple;

    MyAssetKey(String full, String simple) {
        this.full = full;
        this.simple = simple;
    }

    @Override
    public String full() {
        return full;
    }

    @Override
    public String simple() {
        return simple;
    }
}
