package io.camelupbit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.AnnouncementEvent;
import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.event.IndicatorEvent;
import io.camelupbit.event.IndicatorType;
import io.camelupbit.test.Announcement;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The new streams in a list format (SIMPLE_LIST: abbreviated keys, items wrapped in arrays), and with bodyType=json:
 * the item's text as Upbit sent it, one exchange per item, next to a route that takes the typed event of the same
 * item.
 */
class NewStreamsListFormatRouteTest extends UpbitRouteTestSupport {

    private static final String ACCESS_KEY = "list-access";
    private static final String SECRET_KEY = "list-secret-0123456789";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey(ACCESS_KEY, SECRET_KEY)
            .simulatedStart(Instant.parse("2026-09-03T04:45:01Z")));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey(ACCESS_KEY);
        component.setSecretKey(SECRET_KEY);
        component.setFormat("SIMPLE_LIST");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:connection?channel=info").to("mock:lifecycle");
                from("upbit:indicator?codes=KRW-BTC&timeframe=15m&indicators=volume(period=10)&bodyType=json")
                        .to("mock:json");
                from("upbit:indicator?codes=KRW-BTC&timeframe=15m&indicators=volume(period=10)").to("mock:events");
                from("upbit:announcement?categories=maintenance").to("mock:notices");
            }
        };
    }

    @Test
    void jsonBodiesAndTypedEventsOfTheSameItems() {
        await().until(() -> getMockEndpoint("mock:lifecycle").getReceivedExchanges().stream()
                .anyMatch(e -> e.getMessage().getBody(ConnectionEvent.class).state() == ConnectionState.SUBSCRIBED));
        MockEndpoint json = getMockEndpoint("mock:json");
        MockEndpoint events = getMockEndpoint("mock:events");

        upbit.simulator().closeCandle("15m", "KRW-BTC", upbit.simulator().market().lastPrice("KRW-BTC"),
                new BigDecimal("123.5"));
        await().until(() -> json.getReceivedCounter() == 1 && events.getReceivedCounter() == 1);

        String text = json.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertThat(text).startsWith("{").contains("\"ty\":\"indicator\"").contains("\"ind\":\"volume\"")
                .contains("\"vol\":123.5");
        IndicatorEvent event = events.getReceivedExchanges().get(0).getMessage().getBody(IndicatorEvent.class);
        assertThat(event.indicator()).isEqualTo(IndicatorType.VOLUME);
        assertThat(event.params().period()).isEqualTo(10);
        assertThat(event.value().volume()).isEqualByComparingTo("123.5");
        assertThat(event.value().ratio()).isEqualByComparingTo(
                event.value().volume().divide(event.value().avgVolume(), 8, RoundingMode.HALF_EVEN));

        upbit.simulator().announce(Announcement.created("900", "[점검] 시스템 점검 안내", "maintenance", "body"));
        MockEndpoint notices = getMockEndpoint("mock:notices");
        await().until(() -> notices.getReceivedCounter() == 1);
        AnnouncementEvent notice = notices.getReceivedExchanges().get(0).getMessage().getBody(AnnouncementEvent.class);
        assertThat(notice.title()).isEqualTo("[점검] 시스템 점검 안내");
        assertThat(notice.body()).isNull();
    }
}
