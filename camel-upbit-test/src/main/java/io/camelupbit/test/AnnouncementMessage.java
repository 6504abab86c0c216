package io.camelupbit.test;

/**
 * One {@code announcement} item for one connection: the notice, whether that connection asked for its body
 * ({@code include_body}), and the simulated time it was sent at.
 */
record AnnouncementMessage(Announcement announcement, boolean includeBody, long timestamp) implements DataItem {
}
