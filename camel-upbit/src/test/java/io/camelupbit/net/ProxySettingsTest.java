package io.camelupbit.net;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProxySettingsTest {

    @Test
    void toStringNamesTheProxyButNotItsCredentials() {
        ProxySettings proxy = new ProxySettings(ProxySettings.Type.SOCKS5, "proxy.example", 1080, "trader", "pw-canary");

        assertThat(proxy.toString()).contains("SOCKS5", "proxy.example", "1080", "with credentials")
                .doesNotContain("trader", "pw-canary");
    }
}
