package io.camelupbit.test;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;

/**
 * Writes {@code GET /v1/market/all} (market-all.json): every market the simulator has ({@link Market#codes()}),
 * sorted by code, named by {@link MarketNames}; with {@code is_details=true} each has {@code market_event}, whose
 * {@code warning} is its ticker's {@code market_warning} {@code CAUTION} ({@link MarketStatus}) and whose five
 * {@code caution} flags are all false (the simulator models none of them).
 */
final class MarketListJson {

    private static final List<String> CAUTIONS = List.of("PRICE_FLUCTUATIONS", "TRADING_VOLUME_SOARING",
            "DEPOSIT_AMOUNT_SOARING", "GLOBAL_PRICE_DIFFERENCES", "CONCENTRATION_OF_SMALL_ACCOUNTS");

    private MarketListJson() {
    }

    static void write(JsonGenerator g, Market market, boolean details) throws IOException {
        g.writeStartArray();
        for (String code : market.codes().stream().sorted().toList()) {
            g.writeStartObject();
            g.writeStringField("market", code);
            g.writeStringField("korean_name", MarketNames.korean(code));
            g.writeStringField("english_name", MarketNames.english(code));
            if (details) {
                g.writeObjectFieldStart("market_event");
                g.writeBooleanField("warning", "CAUTION".equals(market.status(code).marketWarning()));
                g.writeObjectFieldStart("caution");
                for (String caution : CAUTIONS) {
                    g.writeBooleanField(caution, false);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
