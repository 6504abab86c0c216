package io.camelupbit.event;

/** The category of a notice, as Upbit's announcement page lists them. */
public enum AnnouncementCategory {
    /** Service notices: new features, improvements. */
    NOTICE("notice"),
    /** Listings, new markets, caution designations, delistings. */
    TRADE("trade"),
    /** Deposits and withdrawals: support, suspension, resumption. */
    WALLET("wallet"),
    /** System and service maintenance. */
    MAINTENANCE("maintenance"),
    /** Airdrops, circulating supply and other asset news. */
    DIGITAL_ASSET("digital_asset"),
    /** NFT drops. */
    NFT("nft"),
    /** Upbit Service+. */
    SERVICE("service"),
    /** Upbit events. */
    EVENT("event"),
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN(null);

    private final String upbitName;

    AnnouncementCategory(String upbitName) {
        this.upbitName = upbitName;
    }

    /** Upbit's name of the category ({@code digital_asset}), {@code null} for {@link #UNKNOWN}. */
    public String upbitName() {
        return upbitName;
    }

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static AnnouncementCategory of(String text) {
        for (AnnouncementCategory c : values()) {
            if (text.equals(c.upbitName)) {
                return c;
            }
        }
        return UNKNOWN;
    }
}
