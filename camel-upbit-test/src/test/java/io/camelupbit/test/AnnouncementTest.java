package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.camelupbit.test.SimTestSupport.awaitLatestConnection;
import static io.camelupbit.test.SimTestSupport.errorName;
import static io.camelupbit.test.SimTestSupport.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code announcement} on the private path: category filter, {@code include_body}, formats and validation. */
class AnnouncementTest {

    private static final String AK = "notice-access";
    private static final String SK = "notice-secret";
    private static final String AK2 = "notice-access-2";
    private static final String SK2 = "notice-secret-2";
    /** The simulated clock stands still here: 2026-07-14T16:36:34.250+09:00. */
    private static final Instant NOW = Instant.parse("2026-07-14T07:36:34.250Z");

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b
            .apiKey(AK, SK).apiKey(AK2, SK2).clock(new MutableClock(NOW)).simulatedStart(NOW)
            .connectLimitPerSecond(1000).messageLimits(1000, 10_000));

    @Test
    void categoriesFilterTheNoticesAndIncludeBodyAddsTheBody() {
        try (WsClient all = privateClient(AK, SK); WsClient trade = privateClient(AK2, SK2);
             WsClient maintenance = privateClient(AK, SK)) {
            // With myOrder beside it, on any API key.
            subscribe(all, "[{\"ticket\":\"a\"},{\"type\":\"myOrder\"},{\"type\":\"announcement\","
                    + "\"include_body\":true}]");
            subscribe(trade, "[{\"ticket\":\"b\"},{\"type\":\"announcement\",\"categories\":[\"trade\",\"wallet\"],"
                    + "\"codes\":[\"KRW-BTC\"],\"is_only_snapshot\":true}]");
            subscribe(maintenance, "[{\"ticket\":\"c\"},{\"type\":\"announcement\",\"categories\":[\"maintenance\"],"
                    + "\"include_body\":false}]");

            Announcement listing = Announcement.created("562593104", "[거래] 신규 거래 지원 안내", "trade", "본문 **1**");
            assertThat(upbit.simulator().announce(listing)).isEqualTo(2);

            Map<String, Object> withBody = Json.object(all.next().text());
            assertThat(withBody.keySet()).containsExactlyElementsOf(concat(DocFields.ANNOUNCEMENT, "body"));
            assertThat(withBody).containsEntry("type", "announcement").containsEntry("event_type", "CREATED")
                    .containsEntry("uuid", "562593104").containsEntry("title", "[거래] 신규 거래 지원 안내")
                    .containsEntry("category", "trade")
                    .containsEntry("url", "https://upbit.com/service_center/notice?id=562593104")
                    .containsEntry("first_listed_at", "2026-07-14T16:36:34+09:00")
                    .containsEntry("listed_at", "2026-07-14T16:36:34+09:00")
                    .containsEntry("timestamp", new BigDecimal(NOW.toEpochMilli()))
                    .containsEntry("stream_type", "REALTIME").containsEntry("body", "본문 **1**");
            Map<String, Object> withoutBody = Json.object(trade.next().text());
            assertThat(withoutBody.keySet()).containsExactlyElementsOf(DocFields.ANNOUNCEMENT);
            assertThat(withoutBody).containsEntry("uuid", "562593104");

            // An update without a body: null for those who asked for it, the first posting time kept.
            Announcement update = new Announcement("UPDATED", "562593104", "[거래] 수정", "trade",
                    listing.url(), OffsetDateTime.parse("2026-07-14T16:00:00+09:00"), null, null);
            assertThat(upbit.simulator().announce(update)).isEqualTo(2);
            assertThat(Json.object(all.next().text())).containsEntry("event_type", "UPDATED")
                    .containsEntry("first_listed_at", "2026-07-14T16:00:00+09:00")
                    .containsEntry("listed_at", "2026-07-14T16:36:34+09:00").containsEntry("body", null);
            assertThat(trade.next().text()).doesNotContain("body");

            Announcement works = Announcement.created("562593200", "서버 점검 안내", "maintenance", "점검");
            assertThat(upbit.simulator().announce(works)).isEqualTo(2);
            assertThat(Json.object(all.next().text())).containsEntry("category", "maintenance");
            // The maintenance connection got nothing before its own category.
            Map<String, Object> first = Json.object(maintenance.next().text());
            assertThat(first).containsEntry("uuid", "562593200");
            assertThat(first).doesNotContainKey("body");
            assertThat(trade.drain()).isEmpty();

            assertThat(upbit.simulator().sentLog().items("announcement", null)).extracting(SentItem::key)
                    .containsExactly("562593104|CREATED|2026-07-14T16:36:34+09:00",
                            "562593104|CREATED|2026-07-14T16:36:34+09:00",
                            "562593104|UPDATED|2026-07-14T16:36:34+09:00",
                            "562593104|UPDATED|2026-07-14T16:36:34+09:00",
                            "562593200|CREATED|2026-07-14T16:36:34+09:00",
                            "562593200|CREATED|2026-07-14T16:36:34+09:00");
            assertThat(upbit.simulator().sentLog().items()).allSatisfy(item -> {
                assertThat(item.code()).isNull();
                assertThat(item.streamType()).isEqualTo("REALTIME");
            });
        }
    }

    @Test
    void anUnsupportedCategoryIsRefusedAndTheSubscriptionKept() {
        try (WsClient client = privateClient(AK, SK)) {
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"announcement\",\"categories\":[\"trade\"]}]");
            SimConnection connection = awaitLatestConnection(upbit.simulator());
            List<Subscription> before = connection.subscription();
            assertThat(before).containsExactly(new Subscription("announcement", List.of(), false, false, null,
                    List.of("trade"), null, null, List.of()));

            // The guide's own example: "trading" is no category (trade is).
            client.send("[{\"ticket\":\"t\"},{\"type\":\"announcement\",\"categories\":[\"trading\",\"wallet\"]}]");
            assertThat(errorName(client.next())).isEqualTo("INVALID_PARAM");
            client.send("[{\"ticket\":\"t\"},{\"type\":\"announcement\",\"categories\":\"trade\"}]");
            assertThat(errorName(client.next())).isEqualTo("WRONG_FORMAT");
            client.send("[{\"ticket\":\"t\"},{\"type\":\"announcement\",\"categories\":[\"trade\",1]}]");
            assertThat(errorName(client.next())).isEqualTo("WRONG_FORMAT");
            client.send("[{\"ticket\":\"t\"},{\"type\":\"announcement\",\"include_body\":\"yes\"}]");
            assertThat(errorName(client.next())).isEqualTo("WRONG_FORMAT");

            assertThat(connection.isOpen()).isTrue();
            assertThat(connection.subscription()).isEqualTo(before);
            assertThat(upbit.simulator().announce(Announcement.created("1", "t", "trade", null))).isEqualTo(1);
            assertThat(Json.object(client.next().text())).containsEntry("uuid", "1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SIMPLE, false", "SIMPLE_LIST, true"})
    void simpleKeys(String format, boolean list) {
        try (WsClient client = privateClient(AK, SK)) {
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"announcement\",\"include_body\":true},"
                    + "{\"format\":\"" + format + "\"}]");
            upbit.simulator().announce(new Announcement("CREATED", "562593104", "제목", "nft",
                    "https://www.upbit.com/service_center/notice?id=562593104&view=share",
                    OffsetDateTime.of(2026, 7, 14, 7, 36, 34, 0, ZoneOffset.UTC),
                    OffsetDateTime.parse("2026-07-14T16:40:00+09:00"), "본문"));
            String text = client.next().text();
            Map<String, Object> item = list ? Json.list(text).get(0) : Json.object(text);
            assertThat(item.keySet()).containsExactlyElementsOf(concat(DocFields.ANNOUNCEMENT_SIMPLE, "bd"));
            assertThat(item).containsEntry("ty", "announcement").containsEntry("et", "CREATED")
                    .containsEntry("uid", "562593104").containsEntry("tt", "제목").containsEntry("cat", "nft")
                    .containsEntry("url", "https://www.upbit.com/service_center/notice?id=562593104&view=share")
                    .containsEntry("flat", "2026-07-14T07:36:34+00:00")
                    .containsEntry("lat", "2026-07-14T16:40:00+09:00")
                    .containsEntry("tms", new BigDecimal(NOW.toEpochMilli())).containsEntry("st", "REALTIME")
                    .containsEntry("bd", "본문");
        }
    }

    @Test
    void listSubscriptionsShowsTheAnnouncementObject() {
        try (WsClient client = privateClient(AK, SK)) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"announcement\",\"categories\":[\"trade\"],"
                    + "\"include_body\":false},{\"type\":\"myAsset\"}]");
            client.send("[{\"ticket\":\"l\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]");
            assertThat(client.next().text()).isEqualTo("{\"method\":\"LIST_SUBSCRIPTIONS\",\"result\":["
                    + "{\"type\":\"announcement\",\"codes\":[],\"categories\":[\"trade\"],\"include_body\":false},"
                    + "{\"type\":\"myAsset\",\"codes\":[]}],\"ticket\":\"l\"}");
        }
    }

    @Test
    void announcementNeedsThePrivatePath() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"announcement\"}]");
            assertThat(errorName(client.next())).isEqualTo("INVALID_AUTH");
        }
        // The info path takes the indicator types only, and closes after an error.
        try (WsClient client = WsClient.connect(upbit.simulator().infoUrl(), Jwts.bearer(Jwts.hs512(AK, SK)))) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"announcement\"}]");
            assertThat(errorName(client.next())).isEqualTo("INVALID_PARAM");
            assertThat(client.awaitClose()).isEqualTo(1000);
        }
        assertThat(upbit.simulator().announce(Announcement.created("2", "t", "event", "b"))).isZero();
    }

    private static WsClient privateClient(String accessKey, String secretKey) {
        return WsClient.connect(upbit.privateUrl(), Jwts.bearer(Jwts.hs512(accessKey, secretKey)));
    }

    private static List<String> concat(List<String> keys, String last) {
        return Stream.concat(keys.stream(), Stream.of(last)).toList();
    }
}
