package io.camelupbit.test;

/** The announcement fields (research-new-streams.md §c.1), in the order Upbit's example writes them. */
enum AnnouncementKey implements Key {
    TYPE("type", "ty"),
    EVENT_TYPE("event_type", "et"),
    UUID("uuid", "uid"),
    TITLE("title", "tt"),
    CATEGORY("category", "cat"),
    URL("url", "url"),
    FIRST_LISTED_AT("first_listed_at", "flat"),
    LISTED_AT("listed_at", "lat"),
    TIMESTAMP("timestamp", "tms"),
    STREAM_TYPE("stream_type", "st"),
    BODY("body", "bd");

    private final String full;
    private final String simple;

    AnnouncementKey(String full, String simple) {
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
