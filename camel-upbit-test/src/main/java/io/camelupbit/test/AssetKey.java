package io.camelupbit.test;

/** The fields of one {@code assets} row of myAsset (upbit-protocol.md §4.6). */
enum AssetKey implements Key {
    CURRENCY("currency", "cu"),
    BALANCE("balance", "b"),
    LOCKED("locked", "l");

    private final String full;
    private final String simple;

    AssetKey(String full, String simple) {
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
