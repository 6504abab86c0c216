package io.camelupbit.session;

/**
 * A proxy for the WebSocket's TCP connection (Upbit keys are IP allow-listed, so a fixed egress is common).
 *
 * @param type {@code HTTP} (CONNECT) or {@code SOCKS5}
 * @param host proxy host
 * @param port proxy port
 */
public record ProxySettings(Type type, String host, int port) {

    /** The proxy protocols supported. */
    public enum Type { HTTP, SOCKS5 }
}
