package io.camelupbit.net;

/**
 * A proxy for the WebSocket's TCP connection (Upbit keys are IP allow-listed, so a fixed egress is common).
 *
 * @param type     {@code HTTP} (CONNECT) or {@code SOCKS5}
 * @param host     proxy host
 * @param port     proxy port
 * @param username user name for a proxy that asks for credentials; {@code null} for none
 * @param password its password; {@code null} for none
 */
public record ProxySettings(Type type, String host, int port, String username, String password) {

    /** The proxy protocols supported. */
    public enum Type { HTTP, SOCKS5 }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "ProxySettings[type=" + type + ", host=" + host + ", port=" + port
                + (username == null ? "" : ", with credentials") + "]";
    }
}
