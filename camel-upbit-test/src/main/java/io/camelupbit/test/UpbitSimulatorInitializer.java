package io.camelupbit.test;

import java.util.LinkedHashMap;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs an {@link UpbitSimulator} with a Spring application context and points the Upbit component at it:
 *
 * <pre>{@code
 * @SpringBootTest
 * @ContextConfiguration(initializers = UpbitSimulatorInitializer.class)
 * class MyRouteTest { @Autowired UpbitSimulator upbitSimulator; ... }
 *
 * new SpringApplication(MyApp.class).addInitializers(new UpbitSimulatorInitializer()).run(args);
 * }</pre>
 *
 * <p>It starts a simulator (seed 7 on a free port, or what {@link #builder()} of a subclass says), adds the
 * property source {@value #PROPERTY_SOURCE_NAME} with {@code camel.component.upbit.url} and
 * {@code camel.component.upbit.rest-url} first, so that it wins over the application's properties, and registers the
 * simulator as the singleton bean {@value #BEAN_NAME}. Registered before any other bean is created, the simulator
 * is destroyed after all of them: when the context closes, Camel stops first and the simulator is closed last.
 *
 * <p>spring-context is an optional dependency of this module: the app brings its own.
 */
public class UpbitSimulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The name of the simulator's bean. */
    public static final String BEAN_NAME = "upbitSimulator";
    /** The name of the property source with the component's {@code url} and {@code rest-url}. */
    public static final String PROPERTY_SOURCE_NAME = "upbitSimulator";

    /** Starts the simulator, adds its property source and registers its bean for the context's refresh. */
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        UpbitSimulator simulator = builder().build().start();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
                new LinkedHashMap<>(SimulatorProperties.of(simulator))));
        // The bean factory may not exist yet (a refreshable context makes it in refresh): register there.
        context.addBeanFactoryPostProcessor(beanFactory -> register(beanFactory, simulator));
    }

    /**
     * The simulator to start: seed 7 on a free port. Override it for other settings, e.g.
     * {@code return super.builder().speed(10);}
     *
     * @return a builder, whose simulator this initializer builds and starts
     */
    protected UpbitSimulator.Builder builder() {
        return UpbitSimulator.builder().seed(7);
    }

    private static void register(ConfigurableListableBeanFactory beanFactory, UpbitSimulator simulator) {
        if (!(beanFactory instanceof DefaultSingletonBeanRegistry registry)) {
            simulator.close();
            throw new IllegalStateException("the simulator's bean needs a bean factory that destroys singletons, "
                    + "such as DefaultListableBeanFactory: " + beanFactory.getClass().getName());
        }
        registry.registerSingleton(BEAN_NAME, simulator);
        // Disposable beans are destroyed in reverse order of registration: this one, registered before any bean
        // is created, goes last, after Camel.
        registry.registerDisposableBean(BEAN_NAME, simulator::close);
    }
}
