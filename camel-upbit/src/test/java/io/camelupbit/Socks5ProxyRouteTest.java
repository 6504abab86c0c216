package io.camelupbit;

/** {@link ProxyRouteTest} through a SOCKS5 proxy ({@code proxyType=SOCKS5}). */
class Socks5ProxyRouteTest extends ProxyRouteTest {

    @Override
    protected LoopbackProxy.Protocol protocol() {
        return LoopbackProxy.Protocol.SOCKS5;
    }
}
