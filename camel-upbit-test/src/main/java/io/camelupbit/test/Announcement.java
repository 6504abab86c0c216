package io.camelupbit.test;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * One Upbit notice, as {@link UpbitSimulator#announce} pushes it to the private connections subscribed to
 * {@code announcement}.
 *
 * <p>The two times may be {@code null}: {@link UpbitSimulator#announce} then stamps them with the simulated clock,
 * whole seconds, at {@code +09:00} (Upbit writes KST). Times given are written in their own offset.
 *
 * <pre>{@code
 * Announcement notice = Announcement.created("562593104", "[거래] 신규 거래 지원 안내", "trade", "본문");
 * upbit.announce(notice);
 * upbit.announce(notice.updated("[거래] 신규 거래 지원 안내 (수정)", "본문 2"));
 * }</pre>
 *
 * @param eventType     {@code CREATED} or {@code UPDATED} (any non-blank text is sent as given)
 * @param uuid          the notice id, e.g. {@code 562593104}
 * @param title         the title
 * @param category      one of {@link #CATEGORIES}, or any other non-blank text to test a client's handling of a
 *                      new category (only connections without a category filter get it)
 * @param url           the notice page
 * @param firstListedAt when it was first posted, or {@code null} to stamp it on announce
 * @param listedAt      when it was last posted (updated), or {@code null} to stamp it on announce
 * @param body          the Markdown body, or {@code null} (sent as JSON {@code null} to connections that asked for
 *                      the body: Upbit's large bodies)
 */
public record Announcement(String eventType, String uuid, String title, String category, String url,
                           OffsetDateTime firstListedAt, OffsetDateTime listedAt, String body) {

    /** Upbit's notice categories, the values {@code categories} accepts. */
    public static final Set<String> CATEGORIES = Set.of("notice", "trade", "wallet", "maintenance",
            "digital_asset", "nft", "service", "event");

    /** {@code event_type} of a new notice. */
    public static final String CREATED = "CREATED";
    /** {@code event_type} of an updated notice. */
    public static final String UPDATED = "UPDATED";

    public Announcement {
        requireText(eventType, "eventType");
        requireText(uuid, "uuid");
        requireText(title, "title");
        requireText(category, "category");
        requireText(url, "url");
    }

    /**
     * A new notice ({@code CREATED}) with the url {@code https://upbit.com/service_center/notice?id=<uuid>}, posted
     * when {@link UpbitSimulator#announce announced}.
     *
     * @param body the Markdown body, or {@code null}
     */
    public static Announcement created(String uuid, String title, String category, String body) {
        return new Announcement(CREATED, uuid, title, category, "https://upbit.com/service_center/notice?id=" + uuid,
                null, null, body);
    }

    /**
     * This notice updated ({@code UPDATED}): same uuid, category, url and first posting time, this title and body,
     * last posted when {@link UpbitSimulator#announce announced}.
     */
    public Announcement updated(String newTitle, String newBody) {
        return new Announcement(UPDATED, uuid, newTitle, category, url, firstListedAt, null, newBody);
    }

    /** This notice with its missing times set to {@code now}. */
    Announcement stamped(OffsetDateTime now) {
        return new Announcement(eventType, uuid, title, category, url,
                firstListedAt == null ? now : firstListedAt, listedAt == null ? now : listedAt, body);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
