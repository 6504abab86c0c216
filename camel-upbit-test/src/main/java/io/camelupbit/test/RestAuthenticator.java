package io.camelupbit.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Authenticates an Exchange API request as research-rest.md §1 describes, answering Upbit's 401 names:
 *
 * <ol>
 *   <li>no {@code Authorization} header: {@code no_authorization_token};</li>
 *   <li>not a bearer JWT, unreadable, an unknown {@code access_key}, an algorithm other than HS512/HS256, a bad
 *       signature ({@link JwtVerifier}), or no {@code nonce} claim: {@code jwt_verification};</li>
 *   <li>a request with parameters whose token has no {@code query_hash}, a {@code query_hash_alg} other than
 *       {@code SHA512} (its documented default, so it may be left out), or a hash that is not the lowercase hex
 *       SHA-512 of {@link RestParams#hashed()}: {@code invalid_query_payload}. A request without parameters
 *       needs no hash, and one sent anyway is not checked;</li>
 *   <li>a nonce the key spent before, here or on a private handshake ({@link NonceLedger}): {@code nonce_used}.</li>
 * </ol>
 *
 * The nonce is spent only by a request that passes everything else, so a forged or mis-hashed token burns none.
 */
final class RestAuthenticator {

    private final JwtVerifier verifier;
    private final NonceLedger nonces;

    RestAuthenticator(JwtVerifier verifier, NonceLedger nonces) {
        this.verifier = verifier;
        this.nonces = nonces;
    }

    /**
     * The authenticated access key.
     *
     * @throws RestFailure 401 with Upbit's name for why not
     */
    String authenticate(String authorization, RestParams params) {
        if (authorization == null) {
            throw RestFailure.unauthorized(RestErrorNames.NO_AUTHORIZATION_TOKEN, "Authorization header is missing.");
        }
        JwtVerifier.Verified token = verifier.verify(authorization);
        if (!token.ok()) {
            throw RestFailure.unauthorized(RestErrorNames.JWT_VERIFICATION, "Jwt 토큰 검증에 실패했습니다: "
                    + token.rejection());
        }
        String nonce = token.nonce();
        if (nonce == null || nonce.isBlank()) {
            throw RestFailure.unauthorized(RestErrorNames.JWT_VERIFICATION, "Jwt 토큰 검증에 실패했습니다: "
                    + "nonce claim missing");
        }
        if (!params.isEmpty()) {
            String hash = token.jwt().getClaim("query_hash").asString();
            String algorithm = token.jwt().getClaim("query_hash_alg").asString();
            if (hash == null || (algorithm != null && !"SHA512".equals(algorithm))
                    || !hash.equals(sha512Hex(params.hashed()))) {
                throw RestFailure.unauthorized(RestErrorNames.INVALID_QUERY_PAYLOAD,
                        "Failed to verify the query of Jwt.");
            }
        }
        if (!nonces.spend(token.accessKey(), nonce)) {
            throw RestFailure.unauthorized(RestErrorNames.NONCE_USED, "이미 사용된 nonce 입니다.");
        }
        return token.accessKey();
    }

    private static String sha512Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-512", e);
        }
    }
}
