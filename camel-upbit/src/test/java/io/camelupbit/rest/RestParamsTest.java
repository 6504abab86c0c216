package io.camelupbit.rest;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One list of parameters, written for the wire, for a body and for the token's hash, as Upbit's auth page says. */
class RestParamsTest {

    @Test
    void arraysRepeatTheirKeyAndTheHashTextIsNotEncoded() {
        RestParams params = new RestParams().add("market", "KRW-BTC")
                .addArray("states", List.of("wait", "watch"))
                .add("start_time", "2024-12-09T13:56:53+09:00")
                .add("absent", null);

        assertThat(params.hashText()).isEqualTo("market=KRW-BTC&states[]=wait&states[]=watch"
                + "&start_time=2024-12-09T13:56:53+09:00");
        // Upbit: encode every query parameter, but not the brackets of array names; ':' and '+' must be encoded
        assertThat(params.query()).isEqualTo("market=KRW-BTC&states[]=wait&states[]=watch"
                + "&start_time=2024-12-09T13%3A56%3A53%2B09%3A00");
        assertThat(params.pathWithQuery("/v1/orders/open")).startsWith("/v1/orders/open?market=KRW-BTC&");
        assertThat(new RestParams().pathWithQuery("/v1/accounts")).isEqualTo("/v1/accounts");
    }

    @Test
    void aBodyAndItsHashTextComeFromTheSamePairsInTheSameOrder() {
        // the auth page's order example: the body's pairs, in the body's order
        RestParams params = new RestParams().add("market", "KRW-BTC").add("side", "bid")
                .add("volume", new BigDecimal("0.01")).add("price", new BigDecimal("1E+2").setScale(1))
                .add("ord_type", "limit").add("identifier", "my \"id\"\\1");

        assertThat(params.jsonBody()).isEqualTo("{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"volume\":\"0.01\","
                + "\"price\":\"100.0\",\"ord_type\":\"limit\",\"identifier\":\"my \\\"id\\\"\\\\1\"}");
        assertThat(params.hashText()).isEqualTo("market=KRW-BTC&side=bid&volume=0.01&price=100.0&ord_type=limit"
                + "&identifier=my \"id\"\\1");
    }
}
