package io.camelupbit.test;

import java.util.List;

/**
 * Several {@link RollingWindow}s that must all have room (e.g. 5 per second and 100 per minute): an event is logged
 * in all of them or in none.
 */
final class RollingLimiter {

    private final List<RollingWindow> windows;

    RollingLimiter(List<RollingWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    synchronized boolean tryAcquire() {
        for (RollingWindow window : windows) {
            if (!window.hasRoom()) {
                return false;
            }
        }
        windows.forEach(RollingWindow::record);
        return true;
    }

    synchronized void clear() {
        windows.forEach(RollingWindow::clear);
    }
}
