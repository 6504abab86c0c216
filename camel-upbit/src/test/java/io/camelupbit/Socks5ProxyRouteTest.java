package io.camelupbit;

/** {@link ProxyRouteTest} through a SOCKS5 proxy that asks for a user name and password (RFC 1929). */
class Socks5ProxyRouteTest extends ProxyRouteTest {

    @Override
    protected LoopbackProxy.Protocol protocol() {
        return LoopbackProxy.Protocol.SOCKS5;
    }

    @Override
    protected String username() {
        return "trader";
    }

    @Override
    protected String password() {
        return "socks-pass";
    }
}
