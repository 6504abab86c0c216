package io.camelupbit.test;

import java.time.Duration;

/**
 * What the connection does with a handled REST request.
 *
 * @param response     the answer
 * @param remainingReq the {@code Remaining-Req} header, or {@code null} (a path the simulator does not serve)
 * @param dropped      close the connection instead of answering ({@link UpbitSimulator#takeOrdersWithoutAnswer})
 * @param delay        how long to hold the answer back ({@link UpbitSimulator#delayRest})
 */
record RestOutcome(RestResponse response, String remainingReq, boolean dropped, Duration delay) {
}
