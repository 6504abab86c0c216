package io.camelupbit;

import java.util.function.Consumer;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class UpbitComponentOptionsTest {

    @Test
    void regionPicksTheHostAndAnExplicitUrlWins() {
        UpbitComponent component = new UpbitComponent();
        assertThat(component.effectiveUrl()).isEqualTo("wss://api.upbit.com/websocket/v1");

        component.setRegion("SG");
        assertThat(component.effectiveUrl()).isEqualTo("wss://sg-api.upbit.com/websocket/v1");
        component.setRegion("ID");
        assertThat(component.effectiveUrl()).isEqualTo("wss://id-api.upbit.com/websocket/v1");
        component.setRegion("TH");
        assertThat(component.effectiveUrl()).isEqualTo("wss://th-api.upbit.com/websocket/v1");

        component.setUrl("wss://proxy.example.com/upbit");
        assertThat(component.effectiveUrl()).isEqualTo("wss://proxy.example.com/upbit");
    }

    @Test
    void theRestUrlFollowsTheRegionUnlessSet() {
        UpbitComponent component = new UpbitComponent();
        assertThat(component.effectiveRestUrl()).isEqualTo("https://api.upbit.com");
        component.setRegion("SG");
        assertThat(component.effectiveRestUrl()).isEqualTo("https://sg-api.upbit.com");
        component.setRegion("TH");
        assertThat(component.effectiveRestUrl()).isEqualTo("https://th-api.upbit.com");
        // a url for the WebSocket does not move the REST API
        component.setUrl("wss://proxy.example.com/upbit");
        assertThat(component.effectiveRestUrl()).isEqualTo("https://th-api.upbit.com");
        component.setRestUrl("https://rest.example.com");
        assertThat(component.effectiveRestUrl()).isEqualTo("https://rest.example.com");
    }

    @Test
    void aLoopbackUrlWithUpbitsRestApiIsWarnedAbout() throws Exception {
        try (LogCapture logs = new LogCapture(false); DefaultCamelContext context = new DefaultCamelContext()) {
            UpbitComponent local = new UpbitComponent();
            local.setUrl("ws://127.0.0.1:9/websocket/v1");
            context.addComponent("upbit", local);
            UpbitComponent both = new UpbitComponent();
            both.setUrl("ws://127.0.0.1:9/websocket/v1");
            both.setRestUrl("http://127.0.0.1:9");
            context.addComponent("upbitBoth", both);
            context.start();

            assertThat(logs.lines()).filteredOn(l -> l.contains("restUrl is not set")).singleElement().asString()
                    .contains("127.0.0.1:9").contains("https://api.upbit.com");
        }
    }

    @Test
    void optionsBindFromTextAsCamelMainAndPropertiesDo() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            UpbitComponent component = new UpbitComponent();
            context.addComponent("upbit", component);

            PropertyBindingSupport.build().withCamelContext(context).withTarget(component)
                    .withProperty("region", "TH")
                    .withProperty("format", "SIMPLE")
                    .withProperty("sendLinger", "250ms")
                    .withProperty("connectionLinger", "1m")
                    .withProperty("maxFrameSize", "65536")
                    .withProperty("compression", "false")
                    .bind();

            assertThat(component.getRegion()).isEqualTo("TH");
            assertThat(component.getFormat()).isEqualTo("SIMPLE");
            assertThat(component.getSendLinger()).isEqualTo(250);
            assertThat(component.getConnectionLinger()).isEqualTo(60_000);
            assertThat(component.getMaxFrameSize()).isEqualTo(65536);
            assertThat(component.isCompression()).isFalse();
        }
    }

    @Test
    void proxyCredentialsComeInPairsAndNeedAProxy() throws Exception {
        assertThat(startFailure(c -> {
            c.setProxyHost("127.0.0.1");
            c.setProxyPort(3128);
            c.setProxyUsername("trader");
        })).hasMessageContaining("Options proxyUsername and proxyPassword go together");
        assertThat(startFailure(c -> {
            c.setProxyUsername("trader");
            c.setProxyPassword("pass");
        })).hasMessageContaining("Options proxyUsername and proxyPassword need proxyHost");
        assertThat(startFailure(c -> c.setProxyHost("127.0.0.1")))
                .hasMessageContaining("Option proxyPort must be a port (1-65535) when proxyHost is set");
    }

    @Test
    void redundancyIsOneTwoOrThree() throws Exception {
        assertThat(startFailure(c -> c.setRedundancy(4))).hasMessageContaining(
                "Option redundancy must be 1, 2 or 3 (connections per channel carrying the same subscription), got 4");
        assertThat(startFailure(c -> c.setRedundancy(0))).hasMessageContaining("Option redundancy must be 1, 2 or 3");
    }

    @Test
    void shardsAreOneToEightAndIoThreadsAtLeastOne() throws Exception {
        assertThat(startFailure(c -> c.setShards(9))).hasMessageContaining(
                "Option shards must be between 1 and 8 (connections the public channel's codes are split over), got 9");
        assertThat(startFailure(c -> c.setShards(0))).hasMessageContaining("Option shards must be between 1 and 8");
        assertThat(startFailure(c -> c.setIoThreads(0))).hasMessageContaining(
                "Option ioThreads must be at least 1, got 0");
    }

    @Test
    void resubscribeIsReplaceOrOverlap() throws Exception {
        assertThat(startFailure(c -> c.setResubscribe("restart"))).hasMessageContaining(
                "Option resubscribe has an invalid value 'restart': use one of replace,overlap");
    }

    /** The root cause of starting a context whose component is set up so. */
    private static Throwable startFailure(Consumer<UpbitComponent> setup) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            UpbitComponent component = new UpbitComponent();
            setup.accept(component);
            context.addComponent("upbit", component);
            Throwable thrown = catchThrowable(context::start);
            assertThat(thrown).as("start must fail").isNotNull();
            return ObjectHelper.getException(IllegalArgumentException.class, thrown);
        }
    }
}
