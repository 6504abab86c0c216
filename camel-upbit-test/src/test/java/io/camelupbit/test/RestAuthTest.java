package io.camelupbit.test;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** REST authentication as research-rest.md §1: the token, the query hash computed from what arrived, the nonce. */
class RestAuthTest {

    private static final String AK = "auth-key";
    private static final String SK = "auth-secret";
    private static final String DOC_OPEN_QUERY = "market=KRW-BTC&states[]=wait&states[]=watch";
    private static final String DOC_ORDER_BODY =
            "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"volume\":\"0.01\",\"price\":\"100.0\",\"ord_type\":\"limit\"}";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey(AK, SK)
            .apiKey("other-key", "other-secret"));

    private static RestTestClient client() {
        return new RestTestClient(upbit.restUrl(), AK, SK);
    }

    @Test
    void aRequestWithoutTokenGetsNoAuthorizationToken() {
        RestTestClient.Response response = client().anonymous("GET", "/v1/accounts", "");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorName()).isEqualTo("no_authorization_token");
        assertThat(response.remainingReq()).isNotNull();
    }

    @Test
    void aBadSignatureUnknownKeyMalformedTokenOrMissingNonceGetsJwtVerification() {
        RestTestClient rest = client();
        RestTestClient wrongSecret = new RestTestClient(upbit.restUrl(), AK, "not-the-secret");
        RestTestClient unknownKey = new RestTestClient(upbit.restUrl(), "unknown", SK);
        String noNonce = "Bearer " + JWT.create().withClaim("access_key", AK)
                .sign(Algorithm.HMAC512(SK.getBytes(StandardCharsets.UTF_8)));

        assertThat(wrongSecret.get("/v1/accounts").errorName()).isEqualTo("jwt_verification");
        assertThat(unknownKey.get("/v1/accounts").errorName()).isEqualTo("jwt_verification");
        assertThat(rest.send("GET", "/v1/accounts", "", null, "Bearer not.a.jwt").errorName())
                .isEqualTo("jwt_verification");
        assertThat(rest.send("GET", "/v1/accounts", "", null, "Basic " + SK).errorName())
                .isEqualTo("jwt_verification");
        RestTestClient.Response missingNonce = rest.send("GET", "/v1/accounts", "", null, noNonce);
        assertThat(missingNonce.status()).isEqualTo(401);
        assertThat(missingNonce.errorName()).isEqualTo("jwt_verification");
        assertThat(upbit.simulator().restCalls()).extracting(RestCall::status, RestCall::errorName)
                .containsOnly(tuple(401, "jwt_verification"));
    }

    @Test
    void hs256IsAcceptedAndEveryCallIsRecorded() {
        String hs256 = "Bearer " + JWT.create().withClaim("access_key", AK)
                .withClaim("nonce", UUID.randomUUID().toString())
                .sign(Algorithm.HMAC256(SK.getBytes(StandardCharsets.UTF_8)));

        RestTestClient.Response response = client().send("GET", "/v1/accounts", "", null, hs256);

        assertThat(response.status()).isEqualTo(200);
        assertThat(upbit.simulator().restCalls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("GET");
            assertThat(call.path()).isEqualTo("/v1/accounts");
            assertThat(call.query()).isEmpty();
            assertThat(call.body()).isEmpty();
            assertThat(call.accessKey()).isEqualTo(AK);
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.errorName()).isNull();
            assertThat(call.at()).isNotNull();
        });
    }

    @Test
    void theHashOfAnArrayQueryIsTheDecodedQueryAsSent() {
        RestTestClient rest = client();
        // The documented example, with the documented hash (research-rest.md §1.2).
        assertThat(RestTestClient.sha512(DOC_OPEN_QUERY)).isEqualTo(RestDocFields.HASH_OPEN_ARRAY);

        RestTestClient.Response raw = rest.get("/v1/orders/open", DOC_OPEN_QUERY);
        // Brackets encoded on the wire: the same decoded text, the same hash.
        String encoded = "market=KRW-BTC&states%5B%5D=wait&states%5B%5D=watch";
        RestTestClient.Response encodedWire = rest.send("GET", "/v1/orders/open", encoded, null,
                rest.bearer(DOC_OPEN_QUERY));
        // Hashing the encoded text, or another order, is not what Upbit hashes.
        RestTestClient.Response encodedHash = rest.send("GET", "/v1/orders/open", encoded, null,
                rest.bearer(encoded));
        RestTestClient.Response reordered = rest.send("GET", "/v1/orders/open", DOC_OPEN_QUERY, null,
                rest.bearer("states[]=wait&states[]=watch&market=KRW-BTC"));

        assertThat(raw.status()).isEqualTo(200);
        assertThat(encodedWire.status()).isEqualTo(200);
        assertThat(encodedHash.errorName()).isEqualTo("invalid_query_payload");
        assertThat(reordered.errorName()).isEqualTo("invalid_query_payload");
        assertThat(upbit.simulator().restCalls().get(1).query()).isEqualTo(encoded);
    }

    @Test
    void valuesAreHashedDecodedSoAnEncodedOffsetMatches() {
        RestTestClient rest = client();
        String query = "start_time=2026-05-01T09%3A00%3A00%2B09%3A00";

        RestTestClient.Response decodedHash = rest.get("/v1/orders/closed", query);
        RestTestClient.Response encodedHash = rest.send("GET", "/v1/orders/closed", query, null, rest.bearer(query));

        assertThat(RestTestClient.queryHashText(query)).isEqualTo("start_time=2026-05-01T09:00:00+09:00");
        assertThat(decodedHash.status()).isEqualTo(200);
        assertThat(encodedHash.errorName()).isEqualTo("invalid_query_payload");
    }

    @Test
    void theHashOfAPostIsTheBodysMembersInBodyOrder() {
        RestTestClient rest = client();
        assertThat(RestTestClient.sha512(RestTestClient.bodyHashText(DOC_ORDER_BODY)))
                .isEqualTo(RestDocFields.HASH_ORDER_BODY);
        String sorted = "market=KRW-BTC&ord_type=limit&price=100.0&side=bid&volume=0.01";

        RestTestClient.Response documented = rest.post("/v1/orders", DOC_ORDER_BODY);
        RestTestClient.Response sortedHash = rest.send("POST", "/v1/orders", "", DOC_ORDER_BODY, rest.bearer(sorted));

        // Authenticated: the order of 1 KRW is then refused for its size.
        assertThat(documented.errorName()).isEqualTo("under_min_total_bid");
        assertThat(sortedHash.errorName()).isEqualTo("invalid_query_payload");
        assertThat(upbit.simulator().restCalls().get(0).body()).isEqualTo(DOC_ORDER_BODY);
    }

    @Test
    void aMissingOrWrongHashOrAnotherAlgorithmGetsInvalidQueryPayload() {
        RestTestClient rest = client();
        String sha256Alg = "Bearer " + JWT.create().withClaim("access_key", AK)
                .withClaim("nonce", UUID.randomUUID().toString())
                .withClaim("query_hash", RestTestClient.sha512("market=KRW-BTC")).withClaim("query_hash_alg", "SHA256")
                .sign(Algorithm.HMAC512(SK.getBytes(StandardCharsets.UTF_8)));
        String withoutAlg = "Bearer " + JWT.create().withClaim("access_key", AK)
                .withClaim("nonce", UUID.randomUUID().toString())
                .withClaim("query_hash", RestTestClient.sha512("market=KRW-BTC"))
                .sign(Algorithm.HMAC512(SK.getBytes(StandardCharsets.UTF_8)));

        RestTestClient.Response noHash = rest.send("GET", "/v1/orders/chance", "market=KRW-BTC", null,
                rest.bearer(""));
        RestTestClient.Response wrongHash = rest.send("GET", "/v1/orders/chance", "market=KRW-BTC", null,
                rest.bearer("market=KRW-ETH"));
        RestTestClient.Response otherAlgorithm = rest.send("GET", "/v1/orders/chance", "market=KRW-BTC", null,
                sha256Alg);
        RestTestClient.Response defaultAlgorithm = rest.send("GET", "/v1/orders/chance", "market=KRW-BTC", null,
                withoutAlg);

        assertThat(noHash.status()).isEqualTo(401);
        assertThat(noHash.body()).isEqualTo("{\"error\":{\"name\":\"invalid_query_payload\","
                + "\"message\":\"Failed to verify the query of Jwt.\"}}");
        assertThat(wrongHash.errorName()).isEqualTo("invalid_query_payload");
        assertThat(otherAlgorithm.errorName()).isEqualTo("invalid_query_payload");
        assertThat(defaultAlgorithm.status()).isEqualTo(200); // query_hash_alg defaults to SHA512
    }

    @Test
    void aNonceServesOneRequestOfTheKeyRestOrWebSocket() {
        RestTestClient rest = client();
        String nonce = UUID.randomUUID().toString();
        String token = rest.bearer("", nonce);

        RestTestClient.Response first = rest.send("GET", "/v1/accounts", "", null, token);
        RestTestClient.Response again = rest.send("GET", "/v1/accounts", "", null, token);
        RestTestClient other = new RestTestClient(upbit.restUrl(), "other-key", "other-secret");
        RestTestClient.Response otherKeySameNonce = other.send("GET", "/v1/accounts", "", null,
                other.bearer("", nonce));
        String wsNonce = UUID.randomUUID().toString();
        try (WsClient ignored = WsClient.connect(upbit.privateUrl(), Jwts.bearer(Jwts.hs512(AK, SK, wsNonce)))) {
            assertThat(rest.send("GET", "/v1/accounts", "", null, rest.bearer("", wsNonce)).errorName())
                    .isEqualTo("nonce_used");
        }

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.errorName()).isEqualTo("nonce_used");
        assertThat(otherKeySameNonce.status()).isEqualTo(200);
    }

    @Test
    void aRefusedTokenSpendsNoNonce() {
        RestTestClient rest = client();
        String nonce = UUID.randomUUID().toString();

        RestTestClient.Response wrongHash = rest.send("GET", "/v1/orders/chance", "market=KRW-BTC", null,
                rest.bearer("market=KRW-XRP", nonce));
        RestTestClient.Response right = rest.send("GET", "/v1/orders/chance", "market=KRW-BTC", null,
                rest.bearer("market=KRW-BTC", nonce));

        assertThat(wrongHash.errorName()).isEqualTo("invalid_query_payload");
        assertThat(right.status()).isEqualTo(200);
    }

    @Test
    void theQuotationApiNeedsNoToken() {
        assertThat(client().anonymous("GET", "/v1/market/all", "").status()).isEqualTo(200);
        assertThat(upbit.simulator().restCalls()).singleElement()
                .satisfies(call -> assertThat(call.accessKey()).isNull());
    }
}
