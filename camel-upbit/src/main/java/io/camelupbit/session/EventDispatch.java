package io.camelupbit.session;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a frame's straight line: a decoded event goes through the book's index to the routes that named
 * its (type, code), each route's filter decides, and the event lands in its mailbox. The drains start once per network
 * read. Confined to the session's event loop.
 */
final class EventDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatch.class);

    private static final int ACCEPTED = 0;
    private static final int FILTERED = 1;
    private static final int DUPLICATE = 2;
    private static final int STALE = 3;
    /** A trade or state on one of several lines: the route's {@link LineMerge} decides. */
    private static final int IN_ORDER = 4;
    /** A trade or state held back on its line by the route's {@link LineMerge}. */
    private static final int WAITING = 5;

    /** What the channel learns from the data: an event for a route a pending send added means Upbit took it. */
    interface SendWindow {
        void dataFor(List<Registration> named, List<Registration> everyCode);
    }

    private final String name;
    private final int slot;
    private final SubscriptionBook book;
    private final SnapshotNumbers snapshotNumbers;
    private final SendWindow sendWindow;
    private final AtomicLong eventsDecoded = new AtomicLong();
    private final AtomicLong eventsUnrouted = new AtomicLong();
    private final AtomicLong subscriberVisits = new AtomicLong();
    /** Routes that got events in the current read and need a drain started at its end. */
    private final List<Delivery> toDrain = new ArrayList<>();
    /** Trades or states that waited on a line and go before the one at hand (reused). */
    private final List<ReceivedEvent> released = new ArrayList<>();
    private long frameReceivedAt;

    /** @param slot the line whose events this dispatches */
    EventDispatch(String name, int slot, SubscriptionBook book, SnapshotNumbers snapshotNumbers,
            SendWindow sendWindow) {
        this.name = name;
        this.slot = slot;
        this.book = book;
        this.snapshotNumbers = snapshotNumbers;
        this.sendWindow = sendWindow;
    }

    /** A data frame arrived at this wall-clock time; its events follow. */
    void onFrame(long receivedAt) {
        frameReceivedAt = receivedAt;
    }

    /** The network read is done: start the drains of the routes that got events. */
    void onReadComplete() {
        for (Delivery delivery : toDrain) {
            delivery.scheduleDrain();
        }
        toDrain.clear();
    }

    void onEvent(UpbitEvent event, byte[] frame, int offset, int length) {
        eventsDecoded.incrementAndGet();
        if (LOG.isDebugEnabled()) {
            LOG.debug("Upbit session {} received {} {} {}", name, event.type(), event.code(), event.streamType());
        }
        List<Registration> named = book.named(event.type(), event.code());
        List<Registration> every = book.everyCode(event.type());
        if (named.isEmpty() && every.isEmpty()) {
            eventsUnrouted.incrementAndGet();
            return;
        }
        sendWindow.dataFor(named, every);
        long snapshotNumber = event.streamType() == StreamType.SNAPSHOT
                ? snapshotNumbers.arrived(streamKey(event)) : 0;
        ReceivedEvent received = offer(named, null, event, snapshotNumber, frame, offset, length);
        offer(every, received, event, snapshotNumber, frame, offset, length);
    }

    /** Data items decoded into events. */
    long eventsDecoded() {
        return eventsDecoded.get();
    }

    /** Decoded events no route wanted (e.g. still in flight from a subscription just replaced). */
    long eventsUnrouted() {
        return eventsUnrouted.get();
    }

    /** Routes visited: with the index, only those that named the event's (type, code). */
    long subscriberVisits() {
        return subscriberVisits.get();
    }

    /** Hands the event to those of the routes that accept it; returns the (shared) received event. */
    private ReceivedEvent offer(List<Registration> registrations, ReceivedEvent received, UpbitEvent event,
            long snapshotNumber, byte[] frame, int offset, int length) {
        // indexed: an iterator per event is garbage on the hot path
        for (int i = 0; i < registrations.size(); i++) {
            Registration r = registrations.get(i);
            subscriberVisits.incrementAndGet();
            if (offset < 0 && r.delivery.wantsJson()) {
                // read on a line's own thread before this route joined, when no route wanted the JSON: not the route's
                r.delivery.filtered();
                continue;
            }
            int verdict = accepts(r, event, snapshotNumber);
            LineMerge merge = null;
            if (verdict == IN_ORDER) {
                merge = r.merge(event);
                verdict = switch (merge.arrived(slot, event, System.nanoTime(), released)) {
                    case DELIVER -> ACCEPTED;
                    case DUPLICATE -> DUPLICATE;
                    case STALE -> STALE;
                    case WAIT -> WAITING;
                };
                // what waited on this line goes first, whatever becomes of this event
                enqueueAll(r, released);
            }
            if (verdict != ACCEPTED && verdict != WAITING) {
                switch (verdict) {
                    case DUPLICATE -> r.delivery.duplicate();
                    case STALE -> r.delivery.stale();
                    default -> r.delivery.filtered();
                }
                continue;
            }
            if (received == null || received.json() == null && r.delivery.wantsJson()) {
                // the frame's bytes are reused after this call: copy the item now, once, if anyone wants it
                String json = r.delivery.wantsJson()
                        ? new String(frame, offset, length, StandardCharsets.UTF_8) : null;
                received = new ReceivedEvent(event, frameReceivedAt, json, false);
            }
            if (verdict == WAITING) {
                merge.hold(slot, received);
                continue;
            }
            enqueue(r, received);
            if (merge != null) {
                merge.caughtUp(slot, event, System.nanoTime(), released);
                enqueueAll(r, released);
            }
        }
        return received;
    }

    /**
     * Trades and states that waited on other lines go now: the line that fed the route in order may be gone. Called
     * by the channel when a line is lost; the drains start at once.
     */
    static void releaseWaiting(Registration r) {
        List<ReceivedEvent> waiting = new ArrayList<>();
        r.releaseWaiting(System.nanoTime(), waiting);
        boolean drain = false;
        for (ReceivedEvent event : waiting) {
            drain |= r.delivery.enqueue(r.takeResync(String.valueOf(event.event().code())) ? event.resynced() : event);
        }
        if (drain) {
            r.delivery.scheduleDrain();
        }
    }

    private void enqueueAll(Registration r, List<ReceivedEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            enqueue(r, events.get(i));
        }
        events.clear();
    }

    private void enqueue(Registration r, ReceivedEvent received) {
        boolean resync = r.takeResync(String.valueOf(received.event().code()));
        if (r.delivery.enqueue(resync ? received.resynced() : received)) {
            toDrain.add(r.delivery);
        }
    }

    /**
     * Nothing before a send on this line carried the route's spec, nor what answers an earlier send; then the spec's
     * own filter; a trade only once per route; a snapshot only for a code the route has had nothing of since its last
     * gap; realtime events for a route that just joined only once its snapshot of that code came on this line (or its
     * wait ended). A snapshot after the route's own begins a stream a later send restarted: the next event is marked.
     * With several lines, every event once, from the line that brought it first ({@link LineArbiter}), trades and
     * states in order ({@link LineMerge}).
     */
    private int accepts(Registration r, UpbitEvent event, long snapshotNumber) {
        LineProgress line = r.line(slot);
        if (!line.sent || !line.acknowledged && !r.awaitsSnapshot || !r.spec.matches(event)) {
            // not subscribed yet; a route that takes no snapshot waits for Upbit's acknowledgement
            return FILTERED;
        }
        String code = String.valueOf(event.code());
        boolean snapshot = event.streamType() == StreamType.SNAPSHOT;
        if (snapshot && !r.snapshotArrived(line, code, snapshotNumber)) {
            return FILTERED;
        }
        if (!r.spec.snapshotMode().accepts(event.streamType())) {
            return FILTERED;
        }
        if (!snapshot && Registration.awaitsStart(line, code)) {
            if (System.nanoTime() < line.snapshotDeadline) {
                return FILTERED;
            }
            // Upbit sent no snapshot within the acknowledgement window: the stream has begun without one
            Registration.startedWithout(line, code, snapshotNumbers.arrivedSoFar(streamKey(event)));
        }
        LineArbiter arbiter = r.arbiter();
        if (event instanceof TradeEvent trade) {
            // a trade is an event, not a state: a snapshot repeating one the route had is a duplicate, a new one
            // is delivered
            r.firstSeen(code);
            if (arbiter != null) {
                return IN_ORDER;
            }
            return r.firstTimeTrade(code, trade.sequentialId()) ? ACCEPTED : DUPLICATE;
        }
        if (!r.firstSeen(code) && snapshot) {
            if (arbiter != null && StateTime.isState(event)) {
                // a repeat for the route, but where this line's stream of the market begins
                r.stateLines().began(slot, event);
            }
            return FILTERED;
        }
        if (arbiter == null) {
            return ACCEPTED;
        }
        return StateTime.isState(event) ? IN_ORDER : verdict(arbiter.judge(event, line, System.nanoTime()));
    }

    private static int verdict(Verdict verdict) {
        return switch (verdict) {
            case DELIVER -> ACCEPTED;
            case DUPLICATE -> DUPLICATE;
            case STALE -> STALE;
        };
    }

    private static String streamKey(UpbitEvent event) {
        BigDecimal level = event instanceof OrderbookEvent orderbook ? orderbook.level() : null;
        return Registration.streamKey(event.type(), level, String.valueOf(event.code()));
    }
}
