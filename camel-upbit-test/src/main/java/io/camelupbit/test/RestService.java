package io.camelupbit.test;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Handles one REST request from arrival to outcome, and records it ({@link RestCall}):
 *
 * <ol>
 *   <li>injected faults first, as from something in front of the exchange: while {@link RestFaults#down} every
 *       request gets 503, else the next queued {@link UpbitSimulator#failRest} status; nothing is counted or
 *       processed;</li>
 *   <li>a method and path the simulator does not serve: 404 {@code not_found};</li>
 *   <li>the rate limit of the route's group ({@link RestLimits}), before authentication as a gateway would: the
 *       bucket is the {@code access_key} the token claims (the client IP for the Quotation group, or without a
 *       readable token). Over it: 429 {@code too_many_requests}, counted in
 *       {@link UpbitSimulator#restLimitViolations()}, not processed;</li>
 *   <li>the parameters, authentication ({@link RestAuthenticator}) and the endpoint ({@link RestApi}).</li>
 * </ol>
 *
 * Every answer to a served route carries {@code Remaining-Req}. A {@code POST /v1/orders} handled past the limit,
 * whatever its result, may then be dropped ({@link UpbitSimulator#takeOrdersWithoutAnswer}). Thread-safe.
 */
final class RestService {

    private static final Logger LOG = LoggerFactory.getLogger(RestService.class);

    private final RestApi api;
    private final RestAuthenticator authenticator;
    private final RestLimits limits;
    private final RestFaults faults;
    private final Recorder recorder;
    private final Clock clock;

    RestService(RestApi api, RestAuthenticator authenticator, RestLimits limits, RestFaults faults,
                Recorder recorder, Clock clock) {
        this.api = api;
        this.authenticator = authenticator;
        this.limits = limits;
        this.faults = faults;
        this.recorder = recorder;
        this.clock = clock;
    }

    RestOutcome handle(RestRequest request) {
        Instant at = clock.instant();
        RestRoute route = RestRoute.of(request.method(), request.path());
        String claimedKey = JwtVerifier.claimedAccessKey(request.authorization());
        String bucket = route != null && !route.group().perIp() && claimedKey != null
                ? "key:" + claimedKey : "ip:" + request.clientIp();
        RestResponse response;
        RestLimits.Quota quota = null;
        boolean dropped = false;
        int injected = faults.injectedStatus();
        if (injected != 0) {
            response = injected(injected);
            quota = route == null ? null : limits.peek(route.group(), bucket);
        } else if (route == null) {
            response = RestResponse.error(new RestFailure(404, RestErrorNames.NOT_FOUND,
                    "no such API: " + request.method() + " " + request.path()));
        } else {
            quota = limits.admit(route.group(), bucket);
            if (quota.admitted()) {
                response = process(route, request);
                dropped = route == RestRoute.ORDER_NEW && faults.takeOrderWithoutAnswer();
            } else {
                recorder.restLimitViolation();
                response = RestResponse.error(new RestFailure(429, RestErrorNames.TOO_MANY_REQUESTS,
                        "Too many requests: group " + route.group().headerName() + " allows "
                                + quota.perSecond() + " per second"));
            }
        }
        recorder.restCall(new RestCall(request.method(), request.path(), request.query(), request.body(), claimedKey,
                dropped ? 0 : response.status(), response.errorName(), at));
        LOG.debug("REST {} {} -> {}{}", request.method(), request.path(), response.status(),
                dropped ? " (dropped)" : "");
        return new RestOutcome(response, quota == null ? null : quota.header(), dropped, faults.delay());
    }

    private RestResponse process(RestRoute route, RestRequest request) {
        try {
            RestParams params = request.params();
            String accessKey = route.authenticated() ? authenticator.authenticate(request.authorization(), params)
                    : null;
            return api.answer(route, accessKey, params);
        } catch (RestFailure failure) {
            return RestResponse.error(failure);
        } catch (RuntimeException e) {
            // A bug of the simulator: answered as Upbit's 500, loudly, so that the test does not hang.
            LOG.warn("REST {} {} failed", request.method(), request.path(), e);
            return RestResponse.error(new RestFailure(500, RestErrorNames.INTERNAL_SERVER_ERROR,
                    "Internal Server Error"));
        }
    }

    /**
     * An injected status's answer, in Upbit's error shape: {@code too_many_requests} for 429,
     * {@code internal_server_error} for 500, else the status's reason in snake case (e.g.
     * {@code service_unavailable}, {@code i_m_a_teapot}).
     */
    private static RestResponse injected(int status) {
        String name = switch (status) {
            case 429 -> RestErrorNames.TOO_MANY_REQUESTS;
            case 500 -> RestErrorNames.INTERNAL_SERVER_ERROR;
            case 418 -> "i_m_a_teapot"; // Netty knows no reason phrase for it
            default -> HttpResponseStatus.valueOf(status).reasonPhrase().toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        };
        return RestResponse.error(new RestFailure(status, name, "injected failure " + status));
    }
}
