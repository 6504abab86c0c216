package io.camelupbit;

/** {@link ProxyRouteTest} through an HTTP CONNECT proxy that asks for Basic credentials. */
class AuthenticatingProxyRouteTest extends ProxyRouteTest {

    @Override
    protected String username() {
        return "trader";
    }

    @Override
    protected String password() {
        return "http-pass";
    }
}
