package io.camelupbit.wire;

import java.nio.charset.StandardCharsets;

import io.camelupbit.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A channel's lines share what they decoded: a byte-for-byte copy replays it, anything else is decoded. */
class RecentFramesTest {

    private final RecentFrames recent = new RecentFrames();
    /** One decoder per line, as in a session. */
    private final FrameDecoder lineOne = new FrameDecoder();
    private final FrameDecoder lineTwo = new FrameDecoder();

    @Test
    void aCopyOnAnotherLineReplaysTheSameEventsWithItsOwnItemBytes() throws Exception {
        String ticker = Fixtures.frame("ticker-default.json").strip();
        CollectingListener first = decode(lineOne, "", ticker, true);
        // the copy lies elsewhere in another buffer: the item bytes must come from there
        CollectingListener copy = decode(lineTwo, "garbage", ticker, true);

        assertThat(recent.replayed()).isEqualTo(1);
        assertThat(copy.events).hasSize(1);
        assertThat(copy.events.get(0)).isSameAs(first.events.get(0)).isEqualTo(Fixtures.expectedTicker());
        assertThat(copy.json).containsExactly(ticker);
    }

    @Test
    void aListFrameReplaysEveryItemInOrder() throws Exception {
        String trade = Fixtures.frame("trade-simple.json").strip();
        String ticker = Fixtures.frame("ticker-simple.json").strip();
        String list = "[" + trade + "," + ticker + "]";
        CollectingListener first = decode(lineOne, "", list, true);
        CollectingListener copy = decode(lineTwo, "[]", list, true);

        assertThat(recent.replayed()).isEqualTo(1);
        assertThat(copy.events).containsExactlyElementsOf(first.events)
                .containsExactly(Fixtures.expectedTrade(), Fixtures.expectedTicker());
        assertThat(copy.json).containsExactly(trade, ticker);
    }

    @Test
    void aFrameThatDiffersInOneByteIsDecoded() throws Exception {
        String ticker = Fixtures.frame("ticker-default.json").strip();
        String other = ticker.replace("\"KRW-BTC\"", "\"KRW-BTD\"");
        assertThat(other).isNotEqualTo(ticker).hasSameSizeAs(ticker);
        decode(lineOne, "", ticker, true);
        CollectingListener copy = decode(lineTwo, "", other, true);

        assertThat(recent.replayed()).isZero();
        assertThat(copy.events.get(0).code()).isEqualTo("KRW-BTD");
    }

    @Test
    void framesWithMoreThanEventsAreDecodedEveryTime() throws Exception {
        String status = "{\"status\":\"UP\"}";
        String badField = Fixtures.frame("ticker-default.json").strip()
                .replaceFirst("\"trade_price\":[^,]*,", "\"trade_price\":\"abc\",");
        for (FrameDecoder line : new FrameDecoder[] {lineOne, lineTwo}) {
            CollectingListener heard = decode(line, "", status, true);
            assertThat(heard.statuses).containsExactly("UP");
            heard = decode(line, "", badField, true);
            assertThat(heard.fieldErrors).hasSize(1);
            assertThat(heard.events).hasSize(1);
        }
        assertThat(recent.replayed()).isZero();
    }

    @Test
    void aCopyWhoseItemBytesWereNotWorkedOutIsDecodedForAListenerThatWantsThem() throws Exception {
        String ticker = Fixtures.frame("ticker-default.json").strip();
        decode(lineOne, "", ticker, false);
        CollectingListener wanting = decode(lineTwo, "", ticker, true);
        assertThat(recent.replayed()).isZero();
        assertThat(wanting.json).containsExactly(ticker);

        // kept with its item bytes now: the next copy replays for either kind of listener
        assertThat(decode(lineOne, "", ticker, true).json).containsExactly(ticker);
        decode(lineTwo, "", ticker, false);
        assertThat(recent.replayed()).isEqualTo(2);
    }

    @Test
    void aMalformedFrameFailsAsADecodingWouldAndKeepsNothing() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> decode(lineOne, "", "{\"type\":", true))
                    .isInstanceOf(FrameDecodingException.class);
        }
        assertThat(recent.replayed()).isZero();
    }

    @Test
    void theHashReadsEveryByte() {
        byte[] frame = Fixtures.frame("ticker-default.json").getBytes(StandardCharsets.UTF_8);
        int hash = RecentFrames.hash(frame, 0, frame.length);
        for (int i = 0; i < frame.length; i++) {
            frame[i]++;
            assertThat(RecentFrames.hash(frame, 0, frame.length)).as("byte %d", i).isNotEqualTo(hash);
            frame[i]--;
        }
    }

    /** Decodes {@code frame} placed after {@code before} in one buffer, as a line's handler does. */
    private CollectingListener decode(FrameDecoder decoder, String before, String frame, boolean wantsItemBytes)
            throws FrameDecodingException {
        byte[] buffer = (before + frame + "trailing").getBytes(StandardCharsets.UTF_8);
        int offset = before.getBytes(StandardCharsets.UTF_8).length;
        CollectingListener listener = new CollectingListener();
        listener.wantsItemBytes = wantsItemBytes;
        recent.decode(decoder, buffer, offset, frame.getBytes(StandardCharsets.UTF_8).length, listener);
        return listener;
    }
}
