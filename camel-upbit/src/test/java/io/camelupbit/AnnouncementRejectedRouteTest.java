package io.camelupbit;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.AnnouncementEvent;
import io.camelupbit.test.Announcement;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An Upbit that no longer supports a category this version still knows ({@code nft} here) answers
 * {@code INVALID_PARAM} to the request that names it: only the route that asked for it is removed, DOWN with Upbit's
 * error, while the other announcement route on the same connection keeps its notices.
 */
class AnnouncementRejectedRouteTest extends UpbitRouteTestSupport {

    private static final String ACCESS_KEY = "notice-rejected-access";
    private static final String SECRET_KEY = "notice-rejected-secret-0123456789";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey(ACCESS_KEY, SECRET_KEY)
            .announcementCategories("notice", "trade", "wallet", "maintenance", "digital_asset", "service", "event"));

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
                from("upbit:announcement?categories=trade").routeId("trade").to("mock:trade");
                from("upbit:announcement?categories=nft").routeId("nft").to("mock:nft");
            }
        };
    }

    @Test
    void onlyTheRouteNamingTheRefusedCategoryIsRemoved() {
        await().untilAsserted(() -> assertThat(health("nft").getState()).isEqualTo(HealthCheck.State.DOWN));
        assertThat(health("nft").getMessage()).hasValueSatisfying(m -> assertThat(m).contains("INVALID_PARAM"));
        await().until(() -> upbit.simulator().connections().stream().anyMatch(c -> c.subscription().stream()
                .anyMatch(s -> s.type().equals("announcement") && s.categories() != null
                        && s.categories().equals(List.of("trade")))));
        assertThat(health("trade").getState()).isEqualTo(HealthCheck.State.UP);

        upbit.simulator().announce(Announcement.created("700", "[거래] 안내", "trade", null));
        upbit.simulator().announce(Announcement.created("701", "[NFT] 안내", "nft", null));

        await().until(() -> getMockEndpoint("mock:trade").getReceivedCounter() == 1);
        assertThat(getMockEndpoint("mock:trade").getReceivedExchanges().get(0).getMessage()
                .getBody(AnnouncementEvent.class).uuid()).isEqualTo("700");
        assertThat(getMockEndpoint("mock:nft").getReceivedCounter()).isZero();
    }
}
