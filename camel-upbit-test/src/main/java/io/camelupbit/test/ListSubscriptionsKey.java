package io.camelupbit.test;

/** The fields of the {@code LIST_SUBSCRIPTIONS} reply (upbit-protocol.md §2.5). */
enum ListSubscriptionsKey implements Key {
    METHOD("method", "mthd"),
    RESULT("result", "rslt"),
    TYPE("type", "ty"),
    CODES("codes", "cds"),
    LEVEL("level", "lv"),
    TICKET("ticket", "tckt");

    private final String full;
    private final String simple;

    ListSubscriptionsKey(String full, String simple) {
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
