package io.camelupbit;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.AnnouncementCategory;
import io.camelupbit.event.AnnouncementEvent;
import io.camelupbit.event.AnnouncementEventType;
import io.camelupbit.event.StreamType;
import io.camelupbit.test.Announcement;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.Subscription;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Announcement routes ride the private connection with myOrder: Upbit is asked once for the union of their categories
 * (all, as one route wants all) and for bodies (one route wants them); each route gets the notices of its own
 * categories, a body only if it asked for bodies. DEFAULT here, SIMPLE in {@link AnnouncementSimpleRouteTest}.
 */
class AnnouncementRouteTest extends UpbitRouteTestSupport {

    static final String ACCESS_KEY = "notice-access";
    static final String SECRET_KEY = "notice-secret-0123456789";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey(ACCESS_KEY, SECRET_KEY));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey(ACCESS_KEY);
        component.setSecretKey(SECRET_KEY);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:announcement?categories=trade,maintenance").routeId("trade").to("mock:trade");
                from("upbit:announcement?includeBody=true").routeId("all").to("mock:all");
                from("upbit:myOrder").routeId("orders").to("mock:orders");
            }
        };
    }

    @Test
    void eachRouteGetsItsCategoriesAndABodyOnlyIfItAskedForOne() {
        SimConnection connection = subscribed();
        assertThat(upbit.simulator().connections()).hasSize(1);
        assertThat(connection.subscription()).contains(new Subscription("announcement", List.of(), false, false,
                null, null, true, null, List.of()));

        String trade = "[거래] KRW 마켓 디지털 자산 추가 (ABC)";
        upbit.simulator().announce(Announcement.created("562593104", trade, "trade", "## 안내\n본문"));
        upbit.simulator().announce(Announcement.created("562593105", "[입출금] 점검 안내", "wallet", null));
        upbit.simulator().announce(Announcement.created("562593104", trade, "trade", "## 안내\n본문")
                .updated(trade + " (수정)", "## 안내\n수정된 본문"));

        MockEndpoint all = getMockEndpoint("mock:all");
        MockEndpoint tradeRoute = getMockEndpoint("mock:trade");
        await().until(() -> all.getReceivedCounter() == 3 && tradeRoute.getReceivedCounter() == 2);

        List<AnnouncementEvent> everything = bodies(all);
        assertThat(everything).extracting(AnnouncementEvent::uuid)
                .containsExactly("562593104", "562593105", "562593104");
        AnnouncementEvent created = everything.get(0);
        assertThat(created.eventType()).isEqualTo(AnnouncementEventType.CREATED);
        assertThat(created.category()).isEqualTo(AnnouncementCategory.TRADE);
        assertThat(created.title()).isEqualTo(trade);
        assertThat(created.body()).isEqualTo("## 안내\n본문");
        assertThat(created.url()).endsWith("562593104");
        assertThat(created.firstListedAt()).isNotNull();
        assertThat(created.streamType()).isEqualTo(StreamType.REALTIME);
        assertThat(everything.get(1).category()).isEqualTo(AnnouncementCategory.WALLET);
        assertThat(everything.get(1).body()).isNull();
        assertThat(everything.get(2).eventType()).isEqualTo(AnnouncementEventType.UPDATED);
        assertThat(everything.get(2).body()).isEqualTo("## 안내\n수정된 본문");

        List<AnnouncementEvent> trades = bodies(tradeRoute);
        assertThat(trades).extracting(AnnouncementEvent::eventType)
                .containsExactly(AnnouncementEventType.CREATED, AnnouncementEventType.UPDATED);
        assertThat(trades).extracting(AnnouncementEvent::body).containsOnlyNulls();
        Exchange first = tradeRoute.getReceivedExchanges().get(0);
        assertThat(first.getMessage().getHeader(UpbitConstants.TYPE)).isEqualTo("announcement");
        assertThat(first.getMessage().getHeaders()).doesNotContainKey(UpbitConstants.CODE);
        assertThat(getMockEndpoint("mock:orders").getReceivedCounter()).isZero();
    }

    private static SimConnection subscribed() {
        await().until(() -> upbit.simulator().connections().stream().anyMatch(c -> c.subscription().stream()
                .anyMatch(s -> s.type().equals("announcement"))));
        return upbit.simulator().connections().get(0);
    }

    private static List<AnnouncementEvent> bodies(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(AnnouncementEvent.class))
                .toList();
    }
}
