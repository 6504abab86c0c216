package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import io.camelupbit.net.RollingWindowLimiter;
import io.camelupbit.wire.TypeOptions;
import io.camelupbit.wire.TypeRequest;
import io.netty.channel.EventLoop;

/**
 * Asks Upbit which subscription it holds ({@code LIST_SUBSCRIPTIONS}) once a subscription is accepted and then every
 * interval, so that a stream the server lost or changed does not go unnoticed; compares the answer with what was sent.
 * Each question is a message: it waits for the connection's message limits like a subscribe. Event-loop confined.
 */
final class SubscriptionCheck {

    private final EventLoop loop;
    private final long intervalNanos;
    private final RollingWindowLimiter limiter;
    private final LongSupplier clock;
    /** Sends the question with this ticket; false when it cannot be asked now (no connection, a send unanswered). */
    private final Predicate<String> ask;
    private ScheduledFuture<?> next;
    /** The ticket of the question last asked; its answer is the one compared. */
    private String asked;

    /**
     * @param intervalNanos how often to ask; zero turns the check off
     * @param limiter       the connection's message windows, shared with the subscribe messages
     */
    SubscriptionCheck(EventLoop loop, long intervalNanos, RollingWindowLimiter limiter, LongSupplier clock,
            Predicate<String> ask) {
        this.loop = loop;
        this.intervalNanos = intervalNanos;
        this.limiter = limiter;
        this.clock = clock;
        this.ask = ask;
    }

    /** A subscription was accepted: ask soon, then every interval. */
    void subscribed() {
        if (intervalNanos <= 0) {
            return;
        }
        stop();
        schedule(0);
    }

    /** The connection is gone, or the session closes: no more questions. */
    void stop() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        asked = null;
    }

    /** Whether this answer is the one to the last question asked. */
    boolean answers(String ticket) {
        return asked != null && asked.equals(ticket);
    }

    private void schedule(long delayNanos) {
        next = loop.schedule(ScheduledTasks.logged("subscription check", this::run),
                Math.max(delayNanos, limiter.delayNanos(clock.getAsLong())), TimeUnit.NANOSECONDS);
    }

    private void run() {
        next = null;
        long now = clock.getAsLong();
        long wait = limiter.delayNanos(now);
        if (wait > 0) {
            schedule(wait);
            return;
        }
        String ticket = UUID.randomUUID().toString();
        if (ask.test(ticket)) {
            asked = ticket;
            limiter.record(now);
        }
        schedule(intervalNanos);
    }

    /**
     * What one side holds and the other does not, stream by stream ({@code type code} and, for orderbooks,
     * {@code @level}, for indicators {@code /timeframe}); empty when they agree.
     */
    static List<String> differences(List<TypeRequest> sent, List<TypeRequest> held) {
        Set<String> mine = streams(sent);
        Set<String> theirs = streams(held);
        List<String> differences = new ArrayList<>();
        for (String stream : mine) {
            if (!theirs.contains(stream)) {
                differences.add("missing " + stream);
            }
        }
        for (String stream : theirs) {
            if (!mine.contains(stream)) {
                differences.add("unexpected " + stream);
            }
        }
        return differences;
    }

    /** The streams sent that Upbit holds no longer. */
    static Set<String> lost(List<TypeRequest> sent, List<TypeRequest> held) {
        Set<String> lost = streams(sent);
        lost.removeAll(streams(held));
        return lost;
    }

    /** Whether any stream of {@code route} is among the {@link #lost} ones. */
    static boolean lostAny(List<TypeRequest> route, Set<String> lost) {
        return streams(route).stream().anyMatch(lost::contains);
    }

    private static Set<String> streams(List<TypeRequest> types) {
        Set<String> streams = new TreeSet<>();
        for (TypeRequest type : types) {
            String level = "orderbook".equals(type.type())
                    ? "@" + (type.level() == null ? BigDecimal.ZERO : type.level()).stripTrailingZeros().toPlainString()
                    : type.options() instanceof TypeOptions.Indicators i ? "/" + i.timeframe().upbitName() : "";
            if (type.codes().isEmpty()) {
                streams.add(type.type() + " *" + level);
            }
            for (String code : type.codes()) {
                int suffix = code.indexOf('.');
                streams.add(type.type() + " " + (suffix < 0 ? code : code.substring(0, suffix)) + level);
            }
        }
        return streams;
    }
}
