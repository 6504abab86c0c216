package io.camelupbit;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.DefaultConsumer;

import io.camelupbit.event.AnnouncementEvent;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.session.ConnectionTracker;
import io.camelupbit.session.Delivery;
import io.camelupbit.session.DeliveryStats;
import io.camelupbit.session.ReceivedEvent;
import io.camelupbit.session.Reconciliation;
import io.camelupbit.session.UpbitSession;

/**
 * Subscribes its endpoint's spec on the shared session and feeds each matching event into the route, on a worker of
 * the component's delivery pool (never on the WebSocket's I/O thread), in arrival order; an asynchronous route
 * finishes one event before the next starts. Suspending the route takes its spec out of the subscription; stopping it
 * first drains its mailbox (within Camel's shutdown timeout). A myOrder or myAsset route reconciles its account after
 * every gap ({@link Reconciliation}).
 */
@ManagedResource(description = "Upbit consumer: its route's delivery and its shared session")
public class UpbitConsumer extends DefaultConsumer implements Suspendable, ShutdownAware, Delivery.Sink,
        Reconciliation.Listener {

    private Delivery delivery;
    /** myOrder and myAsset with reconcile: closes this route's gaps; else {@code null}. */
    private Reconciliation reconciliation;
    /** The sessions this route is on: one, or with shards one per shard holding some of its codes; empty when off. */
    private volatile List<UpbitSession> sessions = List.of();
    private boolean jsonBody;
    /** Whether this announcement route asked for notice bodies; another route on its connection may have. */
    private boolean includeBody;
    private int depth;
    private long startedAt;

    public UpbitConsumer(UpbitEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public UpbitEndpoint getEndpoint() {
        return (UpbitEndpoint) super.getEndpoint();
    }

    /** This route's event accounting. */
    public DeliveryStats stats() {
        return delivery.stats();
    }

    /** The sessions this route is on (one, or one per shard holding some of its codes); empty before the start. */
    List<UpbitSession> sessions() {
        return sessions;
    }

    /** When the last event arrived for this route, epoch millis; 0 before the first. */
    long lastEventAt() {
        return delivery == null ? 0 : delivery.lastEventAt();
    }

    /** Upbit's rejection of this route's subscription, until the route subscribes again; else {@code null}. */
    RuntimeException rejection() {
        return delivery == null ? null : delivery.rejection();
    }

    /** The route's reconciliation; {@code null} when it does not reconcile. */
    Reconciliation reconciliation() {
        return reconciliation;
    }

    /** When this consumer last started, epoch millis. */
    long startedAt() {
        return startedAt;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        UpbitEndpoint endpoint = getEndpoint();
        UpbitConfiguration configuration = endpoint.getConfiguration();
        jsonBody = configuration.isJsonBody();
        depth = endpoint.spec().depth();
        includeBody = configuration.isIncludeBody();
        delivery = new Delivery(endpoint.spec(), configuration.deliveryPolicy(), jsonBody,
                configuration.isClosedOnly(), endpoint.getComponent().deliveryExecutor(), this);
        if (configuration.reconciles()) {
            reconciliation = new Reconciliation(delivery, endpoint.getComponent().accountReads(configuration),
                    endpoint.getComponent().backoff(), this);
        }
        startedAt = System.currentTimeMillis();
        UpbitConsumerHealthCheck health = new UpbitConsumerHealthCheck(this, getRouteId());
        health.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
        setHealthCheck(health);
        sessions = endpoint.getComponent().join(configuration, delivery, false);
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().leave(sessions, delivery);
        super.doStop();
    }

    @Override
    protected void doSuspend() throws Exception {
        getEndpoint().getComponent().leave(sessions, delivery);
    }

    @Override
    protected void doResume() throws Exception {
        // events flowed while the route was suspended: its next event of each market carries the resync mark
        sessions = getEndpoint().getComponent().join(getEndpoint().getConfiguration(), delivery, true);
    }

    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        // Camel asks this first when the route stops or suspends, then waits for getPendingExchangesSize() to reach
        // zero and only then calls prepareShutdown: so take no new events from here on (waiting until the session's
        // I/O thread has let go of this route, so nothing arrives after the count reached zero), and stay up to drain
        getEndpoint().getComponent().leave(sessions, delivery).awaitUninterruptibly(5, TimeUnit.SECONDS);
        return true;
    }

    @Override
    public int getPendingExchangesSize() {
        return delivery == null ? 0 : delivery.deliverable();
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        getEndpoint().getComponent().leave(sessions, delivery);
        if (forced) {
            delivery.discard();
        }
    }

    @Override
    public void onError(Throwable cause) {
        getExceptionHandler().handleException("Upbit reported an error", cause);
    }

    @Override
    public void reconciled(int attempts) {
        // a reconciling route is private: one session
        sessions.forEach(session -> session.tracker().reconciled(attempts));
    }

    @Override
    public void failed(int consecutiveFailures, long retryInMillis, Throwable cause) {
        sessions.forEach(session -> session.tracker().reconcileFailed(consecutiveFailures, retryInMillis, "route "
                + getRouteId() + " (" + getEndpoint().getConfiguration().getType() + "): " + cause.getMessage()));
    }

    @Override
    public void onFailure(ReceivedEvent received, Throwable cause) {
        UpbitEvent event = received.event();
        getExceptionHandler().handleException("Upbit event " + event.type() + " " + event.code()
                + " could not be processed by route " + getRouteId() + "; the next event follows", cause);
    }

    @Override
    public void process(ReceivedEvent received, long droppedBefore, Delivery.Completion completion) {
        UpbitEvent event = received.event();
        Exchange exchange = createExchange(false);
        try {
            Object body = jsonBody ? received.json() : trimmed(event, depth, includeBody);
            exchange.setIn(new UpbitMessage(exchange, body, event,
                    received.receivedAt(), droppedBefore, received.resync(), received.reconciled()));
        } catch (RuntimeException | Error e) {
            releaseExchange(exchange, false);
            throw e;
        }
        getAsyncProcessor().process(exchange, doneSync -> {
            boolean failed = exchange.getException() != null;
            if (failed) {
                getExceptionHandler().handleException("Error processing Upbit event", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
            completion.completed(failed);
        });
    }

    @ManagedAttribute(description = "The shared session's name (never shows a key); with shards, each one it is on")
    public String getSessionName() {
        return sessions.isEmpty() ? null : joined(UpbitSession::name);
    }

    @ManagedAttribute(description = "The session's connection state (with shards, each one's)")
    public String getConnectionState() {
        return sessions.isEmpty() ? null : joined(session -> String.valueOf(session.tracker().state()));
    }

    @ManagedAttribute(description = "Whether one of the session's WebSockets is open (with shards, in each)")
    public boolean isConnected() {
        List<UpbitSession> on = sessions;
        return !on.isEmpty() && on.stream().allMatch(UpbitSession::isConnected);
    }

    @ManagedAttribute(description = "How many lines (connections with the same subscription) the session keeps")
    public int getLines() {
        List<UpbitSession> on = sessions;
        return on.isEmpty() ? 0 : on.get(0).redundancy();
    }

    @ManagedAttribute(description = "How many of the session's lines are connected (with shards, in all of them)")
    public int getLinesConnected() {
        return (int) sum(UpbitSession::linesConnected);
    }

    @ManagedAttribute(description = "How many lines carry this route right now (live, its subscription taken there)")
    public int getLinesCarrying() {
        Delivery current = delivery;
        return current == null ? 0 : (int) sum(session -> session.linesCarrying(current));
    }

    @ManagedAttribute(description = "Each line's connection state, e.g. 1=SUBSCRIBED 2=RECONNECTING")
    public String getLineStates() {
        return sessions.isEmpty() ? null : joined(UpbitSession::lineStates);
    }

    @ManagedAttribute(description = "Successful reconnects of the session, every line's")
    public long getReconnects() {
        return sum(session -> session.trackers().stream().mapToLong(ConnectionTracker::reconnects).sum());
    }

    @ManagedAttribute(description = "WebSocket data frames the session received")
    public long getFramesReceived() {
        return sum(UpbitSession::framesReceived);
    }

    @ManagedAttribute(description = "Frames of redundant lines not decoded: byte-for-byte copies of frames another line"
            + " of the channel reading on the same I/O thread had decoded, whose events were reused")
    public long getFramesReplayed() {
        return sum(UpbitSession::framesReplayed);
    }

    @ManagedAttribute(description = "Bytes the session received (after decompression)")
    public long getBytesReceived() {
        return sum(UpbitSession::bytesReceived);
    }

    @ManagedAttribute(description = "Malformed frames and undeliverable items the session skipped")
    public long getDecodeErrors() {
        return sum(UpbitSession::decodeErrors);
    }

    @ManagedAttribute(description = "Malformed fields the session read as null in events it delivered")
    public long getFieldErrors() {
        return sum(UpbitSession::fieldErrors);
    }

    @ManagedAttribute(description = "Subscription checks that found Upbit holding another subscription (each repaired)")
    public long getSubscriptionDrifts() {
        return sum(UpbitSession::subscriptionDrifts);
    }

    @ManagedAttribute(description = "Upbit error frames the session received")
    public long getErrorFrames() {
        return sum(UpbitSession::errorFrames);
    }

    @ManagedAttribute(description = "Subscribe messages the session sent")
    public long getSubscribeMessagesSent() {
        return sum(UpbitSession::subscribeMessagesSent);
    }

    @ManagedAttribute(description = "Current message ceiling per rolling second (after adjustment)")
    public int getMessageCeilingPerSecond() {
        return getEndpoint().getComponent().ratePolicy().perSecond();
    }

    @ManagedAttribute(description = "Current message ceiling per rolling minute (after adjustment)")
    public int getMessageCeilingPerMinute() {
        return getEndpoint().getComponent().ratePolicy().perMinute();
    }

    @ManagedAttribute(description = "Time the session's reads were paused by full mailboxes, ms")
    public long getPausedMillis() {
        return sum(UpbitSession::pausedMillis);
    }

    /** A figure summed over the sessions this route is on. */
    private long sum(ToLongFunction<UpbitSession> figure) {
        return sessions.stream().mapToLong(figure).sum();
    }

    /** A text of each session this route is on, joined (one session: its text alone). */
    private String joined(Function<UpbitSession, String> text) {
        return sessions.stream().map(text).collect(Collectors.joining(", "));
    }

    @ManagedAttribute(description = "Events waiting in this route's mailbox")
    public int getMailboxDepth() {
        return delivery == null ? 0 : delivery.mailboxDepth();
    }

    @ManagedAttribute(description = "Events routed to this route")
    public long getRouted() {
        return delivery == null ? 0 : delivery.stats().routed();
    }

    @ManagedAttribute(description = "Events this route finished processing")
    public long getDelivered() {
        return delivery == null ? 0 : delivery.stats().delivered();
    }

    @ManagedAttribute(description = "Events this route could not build or process (handed to its exception handler)")
    public long getEventsFailed() {
        return delivery == null ? 0 : delivery.stats().failed();
    }

    @ManagedAttribute(description = "Repeats of trades or order states this route already had, not delivered again "
            + "(within filtered)")
    public long getDuplicatesSuppressed() {
        return delivery == null ? 0 : delivery.stats().duplicates();
    }

    @ManagedAttribute(description = "Events turned away by this route's spec (snapshot mode, level, repeated snapshot)")
    public long getFiltered() {
        return delivery == null ? 0 : delivery.stats().filtered();
    }

    @ManagedAttribute(description = "Events replaced by newer ones of their market (delivery=latest, closedOnly)")
    public long getConflated() {
        return delivery == null ? 0 : delivery.stats().conflated();
    }

    @ManagedAttribute(description = "Error notifications not handed to the route because one was still on its way")
    public long getErrorsSuppressed() {
        return delivery == null ? 0 : delivery.errorsSuppressed();
    }

    @ManagedAttribute(description = "Events older than what this route had (held during a reconciliation), not "
            + "delivered (within filtered)")
    public long getStaleSuppressed() {
        return delivery == null ? 0 : delivery.staleSuppressed();
    }

    @ManagedAttribute(description = "Gaps this route closed by reading its account over REST (myOrder, myAsset)")
    public long getReconciles() {
        return reconciliation == null ? 0 : reconciliation.reconciles();
    }

    @ManagedAttribute(description = "Failed reads of this route's reconciliation since the last one that worked")
    public int getReconcileFailures() {
        return reconciliation == null ? 0 : reconciliation.consecutiveFailures();
    }

    @ManagedAttribute(description = "Whether this route waits for a reconciliation (its stream events are held)")
    public boolean isReconciling() {
        return reconciliation != null && reconciliation.isPending();
    }

    @ManagedAttribute(description = "Events dropped by overflow=dropOldest or a forced shutdown")
    public long getDropped() {
        return delivery == null ? 0 : delivery.stats().dropped();
    }

    /**
     * The event as a route (or a poll) asked for it: an orderbook cut to its depth (the session asks Upbit for the
     * deepest book any route wants); a notice's body only when asked for.
     */
    static Object trimmed(UpbitEvent event, int depth, boolean includeBody) {
        if (event instanceof OrderbookEvent book) {
            return book.withDepth(depth);
        }
        return event instanceof AnnouncementEvent notice && !includeBody ? notice.withoutBody() : event;
    }
}
