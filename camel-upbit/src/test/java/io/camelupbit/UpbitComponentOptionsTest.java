package io.camelupbit;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
}
