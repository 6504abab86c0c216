package io.camelupbit.session;

/** What becomes of an event a route may have had already (in another form, or from another line). */
enum Verdict {
    /** News to the route: it is delivered. */
    DELIVER,
    /** The same as what the route has: suppressed, counted as a duplicate. */
    DUPLICATE,
    /** Older than what the route has: suppressed, counted as stale. */
    STALE
}
