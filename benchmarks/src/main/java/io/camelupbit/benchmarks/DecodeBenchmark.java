package io.camelupbit.benchmarks;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelupbit.event.UpbitEvent;
import io.camelupbit.wire.FrameDecoder;
import io.camelupbit.wire.FrameDecodingException;
import io.camelupbit.wire.FrameListener;
import io.camelupbit.wire.SubscriptionList;
import io.camelupbit.wire.UpbitError;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One frame from its bytes, four ways: (a) camel-upbit's {@link FrameDecoder} into the typed record, (b) the
 * hand-written baseline {@code ObjectMapper.readValue(bytes, Map.class)}, (c) Jackson data-binding into the same
 * records ({@link RecordBinding}), (d) a bare Jackson token scan of the same bytes, the floor of any Jackson-based
 * decoder. Run with {@code -prof gc} (RunAll does) for the bytes allocated per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class DecodeBenchmark {

    @Param({"ticker", "trade", "orderbook"})
    public Frames.Kind frame;

    @Param({"DEFAULT", "SIMPLE"})
    public Frames.Format format;

    private byte[] bytes;
    private final FrameDecoder decoder = new FrameDecoder();
    private final ObjectMapper mapMapper = new ObjectMapper();
    private final JsonFactory tokens = new JsonFactory();
    private ObjectMapper bindMapper;
    private Class<?> record;
    private Sink sink;

    @Setup
    public void setup(Blackhole bh) throws Exception {
        bytes = Frames.frame(frame, format);
        bindMapper = RecordBinding.mapper(format);
        record = RecordBinding.recordOf(frame);
        sink = new Sink(bh);
        // the data-binding must give exactly the decoder's event, or the comparison is meaningless
        Sink check = new Sink(null);
        decoder.decode(bytes, 0, bytes.length, check);
        Object bound = bindMapper.readValue(bytes, 0, bytes.length, record);
        if (check.last == null || !check.last.equals(bound)) {
            throw new IllegalStateException("data-binding differs from the decoder for " + frame + " " + format
                    + ":\n decoder: " + check.last + "\n binding: " + bound);
        }
    }

    @Benchmark
    public void decoder() throws FrameDecodingException {
        decoder.decode(bytes, 0, bytes.length, sink);
    }

    @Benchmark
    public Map<?, ?> jacksonMap() throws IOException {
        return mapMapper.readValue(bytes, 0, bytes.length, Map.class);
    }

    @Benchmark
    public Object jacksonRecord() throws IOException {
        return bindMapper.readValue(bytes, 0, bytes.length, record);
    }

    @Benchmark
    public int tokenScan() throws IOException {
        int n = 0;
        try (JsonParser p = tokens.createParser(bytes, 0, bytes.length)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                n += t.id();
            }
        }
        return n;
    }

    /** Consumes the decoder's events. */
    static final class Sink implements FrameListener {
        private final Blackhole bh;
        UpbitEvent last;

        Sink(Blackhole bh) {
            this.bh = bh;
        }

        @Override
        public void onEvent(UpbitEvent event, byte[] frame, int offset, int length) {
            if (bh != null) {
                bh.consume(event);
            } else {
                last = event;
            }
        }

        @Override
        public void onStatus(String status) {
        }

        @Override
        public void onError(UpbitError error) {
        }

        @Override
        public void onSubscriptionList(SubscriptionList list) {
        }

        @Override
        public void onIgnored(String what) {
            throw new IllegalStateException("ignored: " + what);
        }
    }
}
