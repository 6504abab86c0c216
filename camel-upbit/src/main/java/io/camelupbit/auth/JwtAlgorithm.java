package io.camelupbit.auth;

/** The HMAC algorithms Upbit accepts for its JWTs. */
public enum JwtAlgorithm {
    /** What Upbit's current documentation uses. */
    HS512,
    /** What older documentation recommended; still accepted. */
    HS256
}
