package io.camelupbit.examples.dashboard;

import java.util.List;

import io.vertx.core.json.JsonObject;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

import io.camelupbit.UpbitConsumer;

/**
 * How events flow through one Upbit route right now, read from its consumer (the figures JMX shows).
 *
 * @param route       the route's id
 * @param routed      events routed to it
 * @param delivered   events it finished processing
 * @param conflated   events replaced by newer ones of their market ({@code delivery=latest})
 * @param mailbox     events waiting in its mailbox
 * @param pausedMillis how long the session's reads were paused by full mailboxes
 * @param state       the session's connection state
 */
record RouteFlow(String route, long routed, long delivered, long conflated, int mailbox, long pausedMillis,
        String state) {

    /** Every started Upbit route of the context, in the context's order. */
    static List<RouteFlow> of(CamelContext context) {
        return context.getRoutes().stream()
                .filter(route -> route.getConsumer() instanceof UpbitConsumer)
                .map(RouteFlow::of)
                .toList();
    }

    private static RouteFlow of(Route route) {
        UpbitConsumer consumer = (UpbitConsumer) route.getConsumer();
        return new RouteFlow(route.getRouteId(), consumer.getRouted(), consumer.getDelivered(),
                consumer.getConflated(), consumer.getMailboxDepth(), consumer.getPausedMillis(),
                consumer.getConnectionState());
    }

    String json() {
        return new JsonObject()
                .put("route", route)
                .put("routed", routed)
                .put("delivered", delivered)
                .put("conflated", conflated)
                .put("mailbox", mailbox)
                .put("pausedMillis", pausedMillis)
                .put("state", state)
                .encode();
    }
}
