package io.camelupbit.test;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A REST client for the tests over the JDK's {@link HttpClient} (HTTP/1.1, keep-alive), signing as Upbit's
 * samples do (research-rest.md §1.3): HS512, a fresh nonce, and the SHA-512 of the decoded query string or of the
 * JSON body's {@code key=value} pairs. The hash text is built here independently of the simulator's code.
 */
final class RestTestClient {

    /** One answer. */
    record Response(int status, String body, HttpResponse<String> raw) {

        String remainingReq() {
            return raw.headers().firstValue("Remaining-Req").orElse(null);
        }

        Map<String, Object> object() {
            return Json.object(body);
        }

        List<Map<String, Object>> list() {
            return Json.list(body);
        }

        String errorName() {
            @SuppressWarnings("unchecked")
            Map<String, Object> error = (Map<String, Object>) object().get("error");
            return String.valueOf(error.get("name"));
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String accessKey;
    private final String secretKey;

    RestTestClient(String baseUrl, String accessKey, String secretKey) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), baseUrl, accessKey, secretKey);
    }

    RestTestClient(HttpClient http, String baseUrl, String accessKey, String secretKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** A signed GET; {@code query} as it goes on the wire (encoded), or empty. */
    Response get(String path, String query) {
        return send("GET", path, query, null, bearer(queryHashText(query)));
    }

    Response get(String path) {
        return get(path, "");
    }

    /** A signed DELETE. */
    Response delete(String path, String query) {
        return send("DELETE", path, query, null, bearer(queryHashText(query)));
    }

    /** A signed POST of this JSON body (its members' text in order, as {@link #bodyHashText}). */
    Response post(String path, String json) {
        return send("POST", path, "", json, bearer(bodyHashText(json)));
    }

    /** A request without a token. */
    Response anonymous(String method, String path, String query) {
        return send(method, path, query, null, null);
    }

    /** {@code Bearer <token>} with a fresh nonce and, unless {@code hashText} is empty, its hash. */
    String bearer(String hashText) {
        return bearer(hashText, UUID.randomUUID().toString());
    }

    String bearer(String hashText, String nonce) {
        JWTCreator.Builder jwt = JWT.create().withClaim("access_key", accessKey).withClaim("nonce", nonce);
        if (!hashText.isEmpty()) {
            jwt.withClaim("query_hash", sha512(hashText)).withClaim("query_hash_alg", "SHA512");
        }
        return "Bearer " + jwt.sign(Algorithm.HMAC512(secretKey.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends exactly this; {@code authorization} {@code null} sends no header. */
    Response send(String method, String path, String query, String json, String authorization) {
        return send(method, path, query, json, authorization, null);
    }

    Response send(String method, String path, String query, String json, String authorization, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path
                        + (query.isEmpty() ? "" : "?" + query)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json; charset=utf-8");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (timeout != null) {
            request.timeout(timeout);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The documented hash text of a query: as sent, each key and value URL-decoded, order kept. */
    static String queryHashText(String query) {
        if (query.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parts.add(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8) + "="
                    + URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    /** The documented hash text of a JSON body: its members as {@code key=value}, in order, strings unquoted. */
    static String bodyHashText(String json) {
        Map<String, Object> members = Json.object(json);
        List<String> parts = new ArrayList<>();
        members.forEach((k, v) -> {
            if (v != null) {
                parts.add(k + "=" + (v instanceof BigDecimal d ? d.toString() : v));
            }
        });
        return String.join("&", parts);
    }

    static String sha512(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
