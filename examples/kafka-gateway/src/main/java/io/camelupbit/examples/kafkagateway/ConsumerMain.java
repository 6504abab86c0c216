package io.camelupbit.examples.kafkagateway;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer process: {@link ConsumerRoutes} under Camel Main, each event once to a log endpoint, and the
 * {@link EventDedupe#summary()} every 10 seconds. Needs {@code camel.component.kafka.brokers}.
 */
public final class ConsumerMain {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerMain.class);

    private ConsumerMain() {
    }

    public static void main(String[] args) throws Exception {
        EventDedupe dedupe = new EventDedupe();
        Main main = new Main();
        main.configure().addRoutesBuilder(new ConsumerRoutes(dedupe, "log:upbit.trade?groupInterval=10000",
                "log:upbit.ticker?groupInterval=10000", "log:upbit.orderbook?groupInterval=10000"));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:summary?period=10000").routeId("summary").process(e -> LOG.info(dedupe.summary()));
            }
        });
        main.run(args);
    }
}
