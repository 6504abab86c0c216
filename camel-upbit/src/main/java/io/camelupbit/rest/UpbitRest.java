package io.camelupbit.rest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelupbit.auth.JwtAuthorization;
import io.camelupbit.error.UpbitRestException;
import io.camelupbit.wire.UpbitError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs REST operations: books a slot in the operation's limit group, signs each request afresh (new nonce, the hash of
 * its parameters), sends it and reads the answer, and decides about sending again. The rules keep an order from ever
 * being placed twice:
 * <ul>
 * <li>not sent (no connection) or answered 429 (Upbit did not process it): sent again, whatever it is;</li>
 * <li>no complete answer after it was written, or a 5xx: Upbit may have processed it. Reads and cancels are sent
 * again; an order only when it carries an {@code identifier}, and Upbit's {@code duplicated_identifier} answer to that
 * repeat means the first one was taken: the order is then read by its identifier and returned. An order without
 * identifier fails, saying it may have been placed;</li>
 * <li>418 (Upbit blocks this client for a while after repeated 429s): an {@link UpbitRestException}, and every
 * request until the block ends fails the same way without being sent (sending would extend the block): for its
 * {@code Retry-After} when Upbit gives one, else {@code banPause}, as the WebSocket does;</li>
 * <li>any other error answer: an {@link UpbitRestException}.</li>
 * </ul>
 * At most {@code maxAttempts} requests per operation. Answers are read, and results completed, on the {@code answers}
 * executor, never on an I/O thread: the caller's route goes on where its result completes, and reading a page of 1,000
 * orders on an event loop would hold up the WebSocket frames of that loop. Thread-safe.
 */
public final class UpbitRest {

    private static final Logger LOG = LoggerFactory.getLogger(UpbitRest.class);
    /** A 429 counts in per-second windows: the next second is the earliest a repeat can pass. */
    static final long TOO_MANY_WAIT_MILLIS = 1000;
    static final long SERVER_ERROR_WAIT_MILLIS = 500;

    private final RestClient client;
    private final RestLimits limits;
    private final ScheduledExecutorService scheduler;
    private final Executor answers;
    private final int maxAttempts;
    private final long banPauseNanos;
    /** System.nanoTime() until which Upbit blocks this client (a 418); 0 when it does not. */
    private volatile long blockedUntil;

    /**
     * @param scheduler waits for a slot or before a repeat (the I/O threads will do: nothing runs there but a send)
     * @param answers   reads answers and completes results
     */
    public UpbitRest(RestClient client, RestLimits limits, ScheduledExecutorService scheduler, Executor answers,
            int maxAttempts, Duration banPause) {
        this.client = client;
        this.limits = limits;
        this.scheduler = scheduler;
        this.answers = answers;
        this.maxAttempts = maxAttempts;
        this.banPauseNanos = banPause.toNanos();
    }

    /**
     * @param keys the API key's signer; {@code null} for unsigned (quotation) operations
     * @param accessKey the key the limits count under; ignored for quotation groups
     */
    public <T> CompletableFuture<RestResult<T>> execute(RestCall<T> call, JwtAuthorization keys, String accessKey) {
        CompletableFuture<RestResult<T>> result = new CompletableFuture<>();
        attempt(call, keys, accessKey, 1, false, result);
        return result;
    }

    private <T> void attempt(RestCall<T> call, JwtAuthorization keys, String accessKey, int attempt,
            boolean mayHaveBeenTaken, CompletableFuture<RestResult<T>> result) {
        long wait = limits.reserve(call.group(), accessKey);
        scheduler.schedule(() -> send(call, keys, accessKey, attempt, mayHaveBeenTaken, result), wait,
                TimeUnit.NANOSECONDS);
    }

    private <T> void send(RestCall<T> call, JwtAuthorization keys, String accessKey, int attempt,
            boolean mayHaveBeenTaken, CompletableFuture<RestResult<T>> result) {
        long blocked = blockedUntil - System.nanoTime();
        if (blockedUntil != 0 && blocked > 0) {
            result.completeExceptionally(new UpbitRestException(call.describe(), 418, null, "not sent: Upbit blocks "
                    + "this client for " + TimeUnit.NANOSECONDS.toSeconds(blocked) + " s more after repeated 429s",
                    null));
            return;
        }
        RestRequest request;
        try {
            String token = call.signed() ? keys.forRequest(call.params().hashText()) : null;
            request = "POST".equals(call.method())
                    ? new RestRequest("POST", call.path(), call.params().jsonBody(), token)
                    : new RestRequest(call.method(), call.params().pathWithQuery(call.path()), null, token);
        } catch (RuntimeException e) {
            // signing failed: the cause names the key's problem, never the key
            result.completeExceptionally(new UpbitRestException(call.describe(), 0, null, "not sent: "
                    + e.getMessage(), e));
            return;
        }
        client.send(request).whenCompleteAsync((response, failure) -> {
            try {
                if (failure != null) {
                    failed(call, keys, accessKey, attempt, mayHaveBeenTaken, result, failure);
                } else {
                    answered(call, keys, accessKey, attempt, mayHaveBeenTaken, result, response);
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(new UpbitRestException(call.describe(), 0, null, "failed on its answer: "
                        + e, e));
            }
        }, answers);
    }

    private <T> void failed(RestCall<T> call, JwtAuthorization keys, String accessKey, int attempt,
            boolean mayHaveBeenTaken, CompletableFuture<RestResult<T>> result, Throwable failure) {
        boolean maybeProcessed = failure instanceof RestTimeoutException;
        if (maybeProcessed && call.repeat() == RestCall.Repeat.NEVER) {
            result.completeExceptionally(new UpbitRestException(call.describe(), 0, null, "no answer, and Upbit may "
                    + "have placed the order: it is not sent again (give orders an identifier to let them be "
                    + "retried safely); check with getOrder or openOrders", failure));
            return;
        }
        if (attempt >= maxAttempts) {
            result.completeExceptionally(new UpbitRestException(call.describe(), 0, null, "no answer after "
                    + attempt + " attempt(s)" + (mayHaveBeenTaken || maybeProcessed ? "; Upbit may have processed it"
                            : ""), failure));
            return;
        }
        LOG.debug("Upbit REST {} attempt {} got no answer ({}); sending again", call.describe(), attempt,
                failure.toString());
        attempt(call, keys, accessKey, attempt + 1, mayHaveBeenTaken || maybeProcessed, result);
    }

    private <T> void answered(RestCall<T> call, JwtAuthorization keys, String accessKey, int attempt,
            boolean mayHaveBeenTaken, CompletableFuture<RestResult<T>> result, RestResponse response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            T value;
            try {
                value = call.reader().apply(response.body());
            } catch (IllegalArgumentException e) {
                result.completeExceptionally(new UpbitRestException(call.describe(), status, null,
                        "malformed answer: " + e.getMessage(), null));
                return;
            }
            result.complete(new RestResult<>(value, response.header("remaining-req"), attempt));
            return;
        }
        UpbitError error = RestJson.error(response.body());
        String name = error == null ? null : error.name();
        String message = error == null ? null : error.message();
        if (status == 429 && attempt < maxAttempts) {
            // not processed: Upbit's window is per second
            LOG.debug("Upbit REST {} answered 429 ({}); sending again in a second", call.describe(),
                    response.header("remaining-req"));
            scheduler.schedule(() -> attempt(call, keys, accessKey, attempt + 1, mayHaveBeenTaken, result),
                    TOO_MANY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        if (status >= 500 && call.repeat() != RestCall.Repeat.NEVER && attempt < maxAttempts) {
            scheduler.schedule(() -> attempt(call, keys, accessKey, attempt + 1, true, result),
                    SERVER_ERROR_WAIT_MILLIS * attempt, TimeUnit.MILLISECONDS);
            return;
        }
        if (status == 400 && "duplicated_identifier".equals(name) && mayHaveBeenTaken
                && call.repeat() == RestCall.Repeat.ORDER_WITH_IDENTIFIER && call.lookup() != null) {
            // the first request was taken before its answer was lost: this is that order
            LOG.info("Upbit REST {}: the repeat was refused as a duplicate identifier, so the first request placed "
                    + "the order; reading it by its identifier", call.describe());
            execute(call.lookup(), keys, accessKey).whenComplete((found, lookupFailure) -> {
                if (lookupFailure != null) {
                    result.completeExceptionally(lookupFailure);
                } else {
                    result.complete(new RestResult<>(found.value(), found.remainingReq(),
                            attempt + found.attempts()));
                }
            });
            return;
        }
        if (status == 418) {
            blockedUntil = System.nanoTime() + blockNanos(response.header("retry-after"));
        }
        String detail = message;
        if (status >= 500 && call.repeat() == RestCall.Repeat.NEVER) {
            detail = (message == null ? "" : message + "; ") + "Upbit may have placed the order: it is not sent again";
        } else if (status == 418) {
            detail = (message == null ? "" : message + "; ") + "Upbit blocks this client for a while after repeated 429s";
        }
        result.completeExceptionally(new UpbitRestException(call.describe(), status, name, detail, null));
    }

    /** Upbit's stated block in seconds when it gives one (Upbit documents no format: seconds are assumed). */
    private long blockNanos(String retryAfter) {
        if (retryAfter != null) {
            try {
                long seconds = Long.parseLong(retryAfter.trim());
                if (seconds > 0 && seconds <= TimeUnit.DAYS.toSeconds(1)) {
                    return TimeUnit.SECONDS.toNanos(seconds);
                }
            } catch (NumberFormatException e) {
                // not seconds: banPause
            }
        }
        return banPauseNanos;
    }
}
