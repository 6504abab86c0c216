package io.camelupbit;

import java.time.Duration;

/**
 * When a consumer's health turns DOWN (the original design's alert table, each configurable on the component).
 *
 * @param disconnected       the connection is down longer than this
 * @param consecutiveErrors  this many failed connection attempts in a row
 * @param reconnects         this many reconnects ...
 * @param reconnectsWindow   ... within this window
 * @param paused             reading has been paused by a full mailbox longer than this
 */
record HealthThresholds(Duration disconnected, int consecutiveErrors, int reconnects, Duration reconnectsWindow,
        Duration paused) {
}
