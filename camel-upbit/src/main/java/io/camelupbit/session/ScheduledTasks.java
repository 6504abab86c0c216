package io.camelupbit.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tasks scheduled on an event loop whose failure is logged: Netty (and a JDK scheduler) keeps a scheduled task's
 * exception in its future, which nobody reads, so a bug there would stop a session's work (a send, a reconnect, a
 * hand-over) without a word while its health still said UP.
 */
final class ScheduledTasks {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledTasks.class);

    private ScheduledTasks() {
    }

    /** The task, logging at ERROR what it throws before its future keeps it. */
    static Runnable logged(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("Upbit: the scheduled {} failed; what it was to do did not happen", what, e);
                throw e;
            }
        };
    }
}
