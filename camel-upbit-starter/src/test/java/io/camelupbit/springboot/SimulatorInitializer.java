package io.camelupbit.springboot;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

import io.camelupbit.test.UpbitSimulator;

/**
 * Starts an Upbit simulator on a free port before the application context, points
 * {@code camel.component.upbit.url} at it and registers it as the bean {@code upbitSimulator}, which the context
 * closes when it closes (after Camel, which was registered later and so is destroyed first).
 */
class SimulatorInitializer implements ApplicationContextInitializer<GenericApplicationContext> {

    @Override
    public void initialize(GenericApplicationContext context) {
        UpbitSimulator simulator = UpbitSimulator.builder().seed(7).speed(10).build().start();
        context.registerBean("upbitSimulator", UpbitSimulator.class, () -> simulator,
                definition -> definition.setDestroyMethodName("close"));
        TestPropertyValues.of("camel.component.upbit.url=" + simulator.url(),
                "camel.component.upbit.rest-url=" + simulator.restUrl()).applyTo(context);
    }
}
