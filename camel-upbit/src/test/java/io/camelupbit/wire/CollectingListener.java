package io.camelupbit.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.camelupbit.event.UpbitEvent;

/** Everything a decoder reported, in order, for the tests to look at. */
final class CollectingListener implements FrameListener {
    final List<UpbitEvent> events = new ArrayList<>();
    final List<String> json = new ArrayList<>();
    final List<String> statuses = new ArrayList<>();
    final List<UpbitError> errors = new ArrayList<>();
    final List<SubscriptionList> lists = new ArrayList<>();
    final List<String> ignored = new ArrayList<>();
    final List<String> malformed = new ArrayList<>();
    final List<String> fieldErrors = new ArrayList<>();
    /** Whether this listener asks for the items' JSON; when not, {@link #json} gets nothing. */
    boolean wantsItemBytes = true;

    @Override
    public boolean wantsItemBytes() {
        return wantsItemBytes;
    }

    @Override
    public void onEvent(UpbitEvent event, byte[] frame, int offset, int length) {
        events.add(event);
        if (wantsItemBytes) {
            json.add(new String(frame, offset, length, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void onStatus(String status) {
        statuses.add(status);
    }

    @Override
    public void onError(UpbitError error) {
        errors.add(error);
    }

    @Override
    public void onSubscriptionList(SubscriptionList list) {
        lists.add(list);
    }

    @Override
    public void onIgnored(String what) {
        ignored.add(what);
    }

    @Override
    public void onMalformedItem(String type, int index, String problem) {
        malformed.add(type + "@" + index + ": " + problem);
    }

    @Override
    public void onFieldError(String type, String field, String problem) {
        fieldErrors.add(type + "." + field + ": " + problem);
    }
}
