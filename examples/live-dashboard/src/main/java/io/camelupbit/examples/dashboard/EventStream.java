package io.camelupbit.examples.dashboard;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The page's server-sent event stream: a Vert.x handler that keeps each browser's response open and writes every
 * published update to all of them.
 * <p>
 * It is a Vert.x route, not a Camel one, because a platform-http route answers one exchange per request and cannot
 * hold a response open. Each update is the newest of its kind and key (a market's ticker, a route's flow), so a
 * browser that cannot keep up skips updates rather than queueing them, and a browser that connects first gets the
 * newest of each at once.
 */
public final class EventStream implements Handler<RoutingContext> {

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final Map<String, String> newest = new ConcurrentHashMap<>();

    /** A browser's open response and the Vert.x context that may write to it. */
    private record Client(Context context, HttpServerResponse response) {

        void write(String frame) {
            // a slow browser misses updates, a newer one follows; Vert.x's write queue never grows without bound
            if (!response.closed() && !response.ended() && !response.writeQueueFull()) {
                response.write(frame);
            }
        }
    }

    @Override
    public void handle(RoutingContext routing) {
        HttpServerResponse response = routing.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache");
        // the browser reconnects a second after the stream breaks (a restart of the app, a proxy timeout)
        response.write("retry: 1000\n: connected\n\n");
        Client client = new Client(Vertx.currentContext(), response);
        clients.add(client);
        response.closeHandler(ignored -> clients.remove(client));
        // on this context, so an update published meanwhile is written after these, never before
        newest.values().forEach(client::write);
    }

    /**
     * Sends an update to every open page.
     *
     * @param event the event name the page listens to ({@code ticker}, {@code orderbook}, ...)
     * @param key   what the update is the newest of within its event, e.g. the market code
     * @param data  the update, usually one line of JSON
     */
    public void publish(String event, String key, String data) {
        String frame = frame(event, data);
        newest.put(event + '/' + key, frame);
        for (Client client : clients) {
            client.context().runOnContext(ignored -> client.write(frame));
        }
    }

    /** How many pages are connected. */
    public int clients() {
        return clients.size();
    }

    /** One server-sent event: every line of the data on its own {@code data:} line, as the format requires. */
    static String frame(String event, String data) {
        StringBuilder frame = new StringBuilder(data.length() + event.length() + 16).append("event: ").append(event);
        for (String line : data.split("\r\n|\r|\n", -1)) {
            frame.append("\ndata: ").append(line);
        }
        return frame.append("\n\n").toString();
    }
}
