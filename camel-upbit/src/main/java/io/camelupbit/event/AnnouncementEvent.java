package io.camelupbit.event;

import java.time.OffsetDateTime;

/**
 * A notice Upbit posted or updated ({@code announcement}, private channel, realtime only;
 * https://docs.upbit.com/kr/reference/websocket-announcement).
 *
 * @param eventType     whether the notice is new or was updated
 * @param uuid          the notice's id (a numeric string, the {@code id} of its page)
 * @param title         the notice's title
 * @param category      its category
 * @param url           its page
 * @param firstListedAt when it was first posted (Upbit writes KST, with the offset)
 * @param listedAt      when it was last posted; moves when the notice is updated
 * @param body          the notice in Markdown, only when the subscription asked for it; {@code null} otherwise, and
 *                      when Upbit leaves out a large body
 * @param timestamp     message time, epoch milliseconds
 * @param streamType    realtime (Upbit sends no snapshot)
 */
public record AnnouncementEvent(
        AnnouncementEventType eventType,
        String uuid,
        String title,
        AnnouncementCategory category,
        String url,
        OffsetDateTime firstListedAt,
        OffsetDateTime listedAt,
        String body,
        long timestamp,
        StreamType streamType) implements UpbitEvent {

    /** The Upbit type name of this event. */
    public static final String TYPE = "announcement";

    @Override
    public String type() {
        return TYPE;
    }

    /** This notice without its body, for a route that did not ask for bodies. */
    public AnnouncementEvent withoutBody() {
        return body == null ? this : new AnnouncementEvent(eventType, uuid, title, category, url, firstListedAt,
                listedAt, null, timestamp, streamType);
    }

    /** Always {@code null}: a notice belongs to no market. */
    @Override
    public String code() {
        return null;
    }
}
