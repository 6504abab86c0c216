package io.camelupbit.wire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.camelupbit.Fixtures;
import io.camelupbit.event.Change;
import io.camelupbit.event.MarketState;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.UpbitEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameDecoderTest {

    private final FrameDecoder decoder = new FrameDecoder();
    private final Collected collected = new Collected();

    @Test
    void defaultTickerDecodesEveryFieldExactly() throws Exception {
        decode(Fixtures.frame("ticker-default.json"));

        TickerEvent expected = Fixtures.expectedTicker();
        assertThat(collected.events).hasSize(1);
        TickerEvent actual = (TickerEvent) collected.events.get(0);
        // field by field first, so a failure names the field; BigDecimal.equals makes the scale count
        for (var component : TickerEvent.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(actual))
                    .as(component.getName())
                    .isEqualTo(component.getAccessor().invoke(expected));
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.prevClosingPrice()).isNotEqualTo(new BigDecimal("31883000"));
    }

    @Test
    void simpleTickerEqualsDefaultTicker() throws Exception {
        decode(Fixtures.frame("ticker-simple.json"));

        assertThat(collected.events).containsExactly(Fixtures.expectedTicker());
    }

    @Test
    void listFrameYieldsOneEventPerItem() throws Exception {
        String item = Fixtures.frame("ticker-simple.json");
        decode("[" + item + "," + item.replace("KRW-BTC", "KRW-ETH") + "," + item.replace("KRW-BTC", "KRW-XRP") + "]");

        assertThat(collected.events).extracting(UpbitEvent::code).containsExactly("KRW-BTC", "KRW-ETH", "KRW-XRP");
    }

    @Test
    void decodesFromTheMiddleOfALargerBuffer() throws Exception {
        byte[] frame = Fixtures.frame("ticker-default.json").getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[frame.length + 20];
        buffer[0] = '{';
        System.arraycopy(frame, 0, buffer, 10, frame.length);
        buffer[buffer.length - 1] = '}';

        decoder.decode(buffer, 10, frame.length, collected);

        assertThat(collected.events).containsExactly(Fixtures.expectedTicker());
    }

    @Test
    void unknownEnumValuesBecomeUnknownAndDatesParse() throws Exception {
        decode(Fixtures.frame("ticker-default.json")
                .replace("\"RISE\"", "\"SIDEWAYS\"")
                .replace("\"market_state\":\"ACTIVE\"", "\"market_state\":\"HALTED\"")
                .replace("\"delisting_date\":null", "\"delisting_date\":\"2030-01-15\""));

        TickerEvent ticker = (TickerEvent) collected.events.get(0);
        assertThat(ticker.change()).isEqualTo(Change.UNKNOWN);
        assertThat(ticker.marketState()).isEqualTo(MarketState.UNKNOWN);
        assertThat(ticker.delistingDate()).isEqualTo(LocalDate.of(2030, 1, 15));
    }

    @Test
    void statusAndErrorFramesAreTheirOwnValues() throws Exception {
        decode("{\"status\":\"UP\"}");
        decode("{\"error\":{\"name\":\"INVALID_PARAM\",\"message\":\"잘못된 요청입니다.\"}}");

        assertThat(collected.statuses).containsExactly("UP");
        assertThat(collected.errors).containsExactly(new UpbitError("INVALID_PARAM", "잘못된 요청입니다."));
        assertThat(collected.events).isEmpty();
    }

    @Test
    void typesNotDecodedYetAreReportedAsIgnored() throws Exception {
        decode("{\"type\":\"announcement\",\"code\":\"X\",\"timestamp\":1,\"stream_type\":\"REALTIME\"}");

        assertThat(collected.ignored).containsExactly("announcement");
    }

    @Test
    void truncatedFrameIsRejectedWithAnExcerpt() {
        String truncated = Fixtures.frame("ticker-default.json").substring(0, 300);

        assertThatThrownBy(() -> decode(truncated))
                .isInstanceOf(FrameDecodingException.class)
                .hasMessageContaining("{\"type\":\"ticker\",\"code\":\"KRW-BTC\"")
                .hasMessageContaining("(300 bytes)");
    }

    @Test
    void wrongValueTypeIsRejectedNamingTheField() {
        String wrong = Fixtures.frame("ticker-default.json").replace("\"trade_price\":32287000", "\"trade_price\":\"x\"");

        assertThatThrownBy(() -> decode(wrong))
                .isInstanceOf(FrameDecodingException.class)
                .hasMessageContaining("trade_price must be a number");
    }

    @Test
    void exponentBombIsRejected() {
        String bomb = Fixtures.frame("ticker-default.json").replace("0.03103806", "1e-999999999");

        assertThatThrownBy(() -> decode(bomb))
                .isInstanceOf(FrameDecodingException.class)
                .hasMessageContaining("exponent out of range");
    }

    @Test
    void fourHundredDigitNumberIsRejected() {
        String huge = Fixtures.frame("ticker-default.json").replace("0.03103806", "1".repeat(400));

        assertThatThrownBy(() -> decode(huge)).isInstanceOf(FrameDecodingException.class);
    }

    @Test
    void missingRequiredFieldIsRejected() {
        String noCode = Fixtures.frame("ticker-default.json").replace("\"code\":\"KRW-BTC\",", "");

        assertThatThrownBy(() -> decode(noCode))
                .isInstanceOf(FrameDecodingException.class)
                .hasMessageContaining("missing code");
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] frame = Fixtures.frame("ticker-default.json").getBytes(StandardCharsets.UTF_8);
        int at = new String(frame, StandardCharsets.UTF_8).indexOf("KRW-BTC");
        frame[at] = (byte) 0xC3;
        frame[at + 1] = (byte) 0x28;

        assertThatThrownBy(() -> decoder.decode(frame, 0, frame.length, collected))
                .isInstanceOf(FrameDecodingException.class);
    }

    private void decode(String json) throws FrameDecodingException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        decoder.decode(bytes, 0, bytes.length, collected);
    }

    private static final class Collected implements FrameListener {
        final List<UpbitEvent> events = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();
        final List<UpbitError> errors = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();

        @Override
        public void onEvent(UpbitEvent event) {
            events.add(event);
        }

        @Override
        public void onStatus(String status) {
            statuses.add(status);
        }

        @Override
        public void onError(UpbitError error) {
            errors.add(error);
        }

        @Override
        public void onIgnored(String what) {
            ignored.add(what);
        }
    }
}
