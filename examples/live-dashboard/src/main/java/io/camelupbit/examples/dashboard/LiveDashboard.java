package io.camelupbit.examples.dashboard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorMainListener;

/**
 * A browser dashboard of Upbit prices, one order book and the connection, served by the app itself.
 * <p>
 * Camel Main with camel-platform-http-vertx: the page and {@code GET /api/ticker/{code}} are platform-http routes, the
 * event stream at {@code /events} a Vert.x route on the same server (see {@link EventStream}). By default it starts
 * the embedded Upbit simulator and shows it, so it runs anywhere without network access; run it with
 * {@code -Ddashboard.live=true} to show the real Upbit.
 */
public final class LiveDashboard {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDashboard.class);

    private final Main main = new Main();
    private final EventStream events = new EventStream();

    /**
     * @param simulator a simulator (not started) the dashboard starts, shows and stops with itself; {@code null} for
     *                  the real Upbit
     */
    public LiveDashboard(UpbitSimulator simulator) {
        main.configure().addRoutesBuilder(new DashboardRoutes(events));
        if (simulator != null) {
            // starts it before Camel initializes and points camel.component.upbit.* at it
            main.addMainListener(new UpbitSimulatorMainListener(simulator));
        }
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport support) {
                startServer(support.getCamelContext());
            }
        });
    }

    public static void main(String[] args) throws Exception {
        boolean live = Boolean.getBoolean("dashboard.live");
        new LiveDashboard(live ? null : UpbitSimulator.builder().seed(2026).build()).main().run(args);
    }

    /** The Camel Main: {@code run()} until Ctrl+C, or {@code start()} and {@code stop()}. */
    public Main main() {
        return main;
    }

    /** The port the dashboard serves on (the one bound, when {@code dashboard.port} is 0). */
    public int port() {
        return main.getCamelContext().hasService(VertxPlatformHttpServer.class).getServer().actualPort();
    }

    /** The page's event stream. */
    public EventStream events() {
        return events;
    }

    /**
     * The HTTP server the platform-http routes and the event stream share (what camel-platform-http-main would start;
     * it is not published for Camel 4.22, so the app starts it itself).
     */
    private void startServer(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(properties.resolveProperty("dashboard.host").orElse("127.0.0.1"));
        configuration.setBindPort(Integer.parseInt(properties.resolveProperty("dashboard.port").orElse("8080")));
        requireFree(configuration.getBindHost(), configuration.getBindPort());
        try {
            context.addService(new VertxPlatformHttpServer(configuration));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot add the dashboard's HTTP server", e);
        }
        // the Vert.x router exists once the server has started, with the context
        try {
            context.addStartupListener(new StartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                    // the routes are not all running yet: the event stream opens when they are
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                    // the router is named after the configured port (0 for any free one), not the bound one
                    VertxPlatformHttpRouter.lookup(started,
                            VertxPlatformHttpRouter.getRouterNameFromPort(configuration.getBindPort()))
                            .get("/events").handler(events);
                    LOG.info("Dashboard on http://{}:{}/", configuration.getBindHost(), port());
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("Cannot listen for the dashboard's start", e);
        }
    }

    /**
     * Vert.x only logs a port it could not bind and the app would run on without its page: a port in use fails the
     * start instead, saying so.
     */
    private static void requireFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("The dashboard cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): set dashboard.port to a free port", e);
        }
    }
}
