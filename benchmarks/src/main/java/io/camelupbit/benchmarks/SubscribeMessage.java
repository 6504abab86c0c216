package io.camelupbit.benchmarks;

import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a client's text message as Upbit would for the generator's purpose: a subscribe request is a JSON array
 * {@code [{"ticket":..}, {"type":"ticker","codes":[..]}, .., {"format":..}]} and replaces the connection's whole
 * subscription. The generator only sends tickers, so only the codes of {@code ticker} objects count; the {@code .N}
 * depth suffix belongs to orderbook codes, which are ignored with every other type.
 */
final class SubscribeMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SubscribeMessage() {
    }

    /**
     * The ticker codes a message subscribes to (empty when it subscribes to other types only), or nothing when it is
     * not a subscribe request (no object with a {@code type}, e.g. {@code LIST_SUBSCRIPTIONS}), which leaves the
     * subscription as it is.
     */
    static Optional<Set<String>> tickerCodes(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a JSON message: " + text, e);
        }
        boolean subscribe = false;
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode item : root) {
            JsonNode type = item.get("type");
            if (type == null) {
                continue;
            }
            subscribe = true;
            if ("ticker".equals(type.asText())) {
                item.path("codes").forEach(code -> codes.add(code.asText()));
            }
        }
        return subscribe ? Optional.of(codes) : Optional.empty();
    }
}
