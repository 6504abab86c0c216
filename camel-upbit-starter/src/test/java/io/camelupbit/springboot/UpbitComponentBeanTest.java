package io.camelupbit.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import io.camelupbit.UpbitComponent;

/**
 * A component configured in code (a bean named {@code upbit}) is the one Camel uses; the properties set only what
 * they name, over the code's values, and every other value set in code stays.
 */
@SpringBootTest(classes = { TestApplication.class, UpbitComponentBeanTest.Component.class }, properties = {
        "camel.component.upbit.send-linger=250ms",
        "camel.component.upbit.error-threshold=9",
        "camel.component.upbit.proxy-port=3128" })
@DirtiesContext
class UpbitComponentBeanTest {

    @Autowired
    CamelContext camel;
    @Autowired
    UpbitComponent bean;

    @Test
    void propertiesOverrideWhatTheyNameAndTheCodesOtherValuesStay() {
        UpbitComponent upbit = camel.getComponent("upbit", UpbitComponent.class);
        assertThat(upbit).isSameAs(bean);

        // named by the properties
        assertThat(upbit.getSendLinger()).isEqualTo(250);
        assertThat(upbit.getErrorThreshold()).isEqualTo(9);
        assertThat(upbit.getProxyPort()).isEqualTo(3128);
        // set in code only
        assertThat(upbit.getMaxFrameSize()).isEqualTo(65_536);
        assertThat(upbit.getBaseDelay()).isEqualTo(1234);
        assertThat(upbit.getRegion()).isEqualTo("SG");
        assertThat(upbit.getFormat()).isEqualTo("SIMPLE");
        // set nowhere
        assertThat(upbit.getMaxDelay()).isEqualTo(30_000);
    }

    /** The component as an application would configure it in code. */
    @TestConfiguration
    static class Component {
        @Bean
        UpbitComponent upbit() {
            UpbitComponent upbit = new UpbitComponent();
            upbit.setMaxFrameSize(65_536);
            upbit.setBaseDelay(1234);
            upbit.setRegion("SG");
            upbit.setFormat("SIMPLE");
            upbit.setSendLinger(999);
            upbit.setErrorThreshold(4);
            return upbit;
        }
    }
}
