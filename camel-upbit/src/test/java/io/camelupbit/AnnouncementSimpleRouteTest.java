package io.camelupbit;

/** {@link AnnouncementRouteTest} with the connection in SIMPLE format (abbreviated keys). */
class AnnouncementSimpleRouteTest extends AnnouncementRouteTest {

    @Override
    protected void configure(UpbitComponent component) {
        super.configure(component);
        component.setFormat("SIMPLE");
    }
}
