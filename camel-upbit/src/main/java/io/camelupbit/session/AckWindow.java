package io.camelupbit.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;

/**
 * Upbit acknowledges nothing: after a send, the routes it added wait for acceptance, which is the first data for one
 * of them, or {@link #MILLIS} without an error frame. An error frame inside the window is the answer to the send.
 * Event-loop confined.
 */
final class AckWindow {

    /** How long a send waits for an error frame before it counts as accepted. */
    static final long MILLIS = 1000;

    private final EventLoop loop;
    private final int slot;
    private final Runnable onAccepted;
    /** Routes whose spec a send added, until Upbit accepts it or an error frame rejects it. */
    private final List<Registration> waiting = new ArrayList<>();
    private ScheduledFuture<?> timer;
    private long lastSendNanos;

    /**
     * @param slot       the line whose sends this window answers
     * @param onAccepted runs when the window closes without an error (timer or data)
     */
    AckWindow(EventLoop loop, int slot, Runnable onAccepted) {
        this.loop = loop;
        this.slot = slot;
        this.onAccepted = onAccepted;
    }

    /** A send went out: the routes it carried for the first time wait for acceptance, for at most the window. */
    void opened(Collection<Registration> registrations) {
        lastSendNanos = System.nanoTime();
        long snapshotDeadline = lastSendNanos + TimeUnit.MILLISECONDS.toNanos(MILLIS);
        for (Registration registration : registrations) {
            LineProgress line = registration.line(slot);
            if (!line.acknowledged && !waiting.contains(registration)) {
                waiting.add(registration);
            }
            if (line.snapshotDeadline == Long.MAX_VALUE) {
                line.snapshotDeadline = snapshotDeadline;
            }
        }
        cancelTimer();
        timer = loop.schedule(ScheduledTasks.logged("acknowledgement", this::accept), MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * A route joins what the last send asked for without a send of its own: it waits for that send's answer, or is
     * taken at once when Upbit took it already.
     */
    void join(Registration registration) {
        if (isOpen()) {
            if (!waiting.contains(registration)) {
                waiting.add(registration);
            }
        } else {
            registration.line(slot).acknowledged = true;
        }
    }

    /** Whether data for one of these routes shows that Upbit took the send that added it. */
    boolean answeredBy(List<Registration> registrations) {
        if (waiting.isEmpty()) {
            return false;
        }
        for (int i = 0; i < registrations.size(); i++) {
            if (waiting.contains(registrations.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Upbit took the send: its routes are acknowledged. */
    void accept() {
        cancelTimer();
        for (Registration registration : waiting) {
            registration.line(slot).acknowledged = true;
        }
        waiting.clear();
        onAccepted.run();
    }

    /** An error frame answered the send: its routes, which no longer wait. */
    List<Registration> reject() {
        cancelTimer();
        List<Registration> rejected = new ArrayList<>(waiting);
        waiting.clear();
        return rejected;
    }

    /** Whether the last send was less than the window ago. */
    boolean withinWindow() {
        return lastSendNanos != 0 && System.nanoTime() - lastSendNanos <= TimeUnit.MILLISECONDS.toNanos(MILLIS);
    }

    /** Whether some route waits for acceptance. */
    boolean isOpen() {
        return !waiting.isEmpty();
    }

    void remove(Registration registration) {
        waiting.remove(registration);
    }

    /** The connection ended, or the session closes: nothing waits any more. */
    void clear() {
        cancelTimer();
        waiting.clear();
    }

    /** Upbit's errors that a subscribe request's content causes, the ones a route's spec can be blamed for. */
    static boolean isValidationError(String name) {
        return switch (name) {
            case "WRONG_FORMAT", "NO_TICKET", "NO_TYPE", "NO_CODES", "INVALID_PARAM" -> true;
            default -> false;
        };
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
