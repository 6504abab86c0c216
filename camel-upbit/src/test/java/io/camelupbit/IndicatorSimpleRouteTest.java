package io.camelupbit;

/** {@link IndicatorRouteTest} with the connection in SIMPLE format: abbreviated keys inside params and value too. */
class IndicatorSimpleRouteTest extends IndicatorRouteTest {

    @Override
    protected void configure(UpbitComponent component) {
        super.configure(component);
        component.setFormat("SIMPLE");
    }
}
