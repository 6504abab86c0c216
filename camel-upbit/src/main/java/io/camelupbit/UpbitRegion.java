package io.camelupbit;

/** Upbit's exchanges; each has its own host. */
public enum UpbitRegion {
    /** Korea: api.upbit.com */
    KR("api.upbit.com"),
    /** Singapore: sg-api.upbit.com */
    SG("sg-api.upbit.com"),
    /** Indonesia: id-api.upbit.com */
    ID("id-api.upbit.com"),
    /** Thailand: th-api.upbit.com */
    TH("th-api.upbit.com");

    private final String host;

    UpbitRegion(String host) {
        this.host = host;
    }

    /** The public (quotation) WebSocket URL of this region. */
    public String publicUrl() {
        return "wss://" + host + "/websocket/v1";
    }

    /** The REST API's base URL of this region. */
    public String restUrl() {
        return "https://" + host;
    }
}
