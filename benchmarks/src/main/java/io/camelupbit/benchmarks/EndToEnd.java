package io.camelupbit.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.camelupbit.UpbitComponent;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import org.HdrHistogram.Histogram;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;

/** The end-to-end, memory and churn measurements, each in a fresh client (and Camel context) in this JVM. */
final class EndToEnd {

    static final int CODES = 100;

    /** How a client is made for a server URL. */
    interface ClientFactory {
        Clients.Client open(String url) throws Exception;
    }

    /**
     * One highest-rate run. CPU is per event delivered to the route, by thread group: the receiver's I/O threads
     * (read and decode), its delivery threads ({@code NaN} for a client that delivers on its I/O threads), the
     * generator, and the whole process (GC, JIT and every other thread included).
     *
     * @param framesPerEvent frames the generator wrote per event delivered: up to 2 when every event goes on two
     *                       lines, each at its own pace
     */
    record Throughput(String name, double eventsPerSecond, double bytesPerEvent, double clientCores,
            double generatorCores, double framesPerEvent, double ioNanosPerEvent, double deliveryNanosPerEvent,
            double generatorNanosPerEvent, double totalNanosPerEvent) {
    }

    /** @param idleP99 p99 of how late an idle thread of this JVM woke in the same window ({@link WakeLateness}) */
    record Latency(String name, int rate, long sent, long received, double p50, double p99, double p999,
            double max, double idleP99) {
    }

    record Memory(long oneRouteBytes, long thousandRoutesBytes, double perRouteBytes) {
    }

    record Churn(int routes, int subscribeMessages, long routesStartedMillis, long completeMillis,
            int violations, int connections, String sendTimes) {
    }

    private final long warmupMillis;
    private final long latencyWarmupMillis;
    private final long measureMillis;
    private final List<String> codes = Frames.codes(CODES);
    private final List<String> payloads = new ArrayList<>();

    private final String only;

    EndToEnd(long warmupMillis, long latencyWarmupMillis, long measureMillis, String only) {
        this.only = only;
        this.warmupMillis = warmupMillis;
        this.latencyWarmupMillis = latencyWarmupMillis;
        this.measureMillis = measureMillis;
        for (String code : codes) {
            payloads.add(Frames.text(Frames.Kind.ticker, Frames.Format.DEFAULT, code, Frames.placeholderStamp()));
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[e2e] " + format + "%n", args);
        System.out.flush();
    }

    private static void logNote(Clients.Client client) {
        String note = client.note();
        if (!note.isEmpty()) {
            log("  %s", note);
        }
    }

    boolean selected(String name) {
        return name.contains(only);
    }

    List<String> codes() {
        return codes;
    }

    /**
     * An unrecorded highest-rate run of the warm-up and measurement windows, so that the first measured scenario of
     * this JVM does not run colder (less compiled) than the ones after it.
     */
    void warmUp(ClientFactory factory) throws Exception {
        unrecorded(factory, server -> server.firehose(server.awaitSubscribed(1, 10_000)),
                warmupMillis + measureMillis);
        log("JIT warm-up run done (%,d ms, not recorded)", warmupMillis + measureMillis);
    }

    /**
     * An unrecorded paced run of the latency warm-up and measurement windows, so that the first latency scenario of
     * this JVM does not meet code the paced path compiles for the first time (its p99 was 3 to 4 times the others').
     */
    void warmUpPaced(int rate, ClientFactory factory) throws Exception {
        unrecorded(factory, server -> server.paced(server.awaitSubscribed(1, 10_000), rate),
                latencyWarmupMillis + measureMillis);
        log("latency warm-up run done (%,d ms at %,d msg/s, not recorded)", latencyWarmupMillis + measureMillis, rate);
    }

    /** Runs a generator against a client for a while, from the client's first event on, and records nothing. */
    private void unrecorded(ClientFactory factory, GeneratorStart start, long millis) throws Exception {
        try (FirehoseServer server = new FirehoseServer(codes, payloads);
                Clients.Client client = factory.open(server.url())) {
            FirehoseServer.Generator gen = start.start(server);
            client.receiver().awaitFirstEvent(10_000);
            // a run of fixed length: nothing to wait for but the time
            Thread.sleep(millis);
            gen.stop();
        }
    }

    /** Starts a generator once the client subscribed. */
    private interface GeneratorStart {
        FirehoseServer.Generator start(FirehoseServer server) throws Exception;
    }

    /** The highest sustained rate over one connection: the generator writes as fast as the client reads. */
    Throughput maxRate(String name, ClientFactory factory) throws Exception {
        return maxRate(name, 1, factory);
    }

    /**
     * The highest sustained rate: the generator writes to each of the client's {@code connections} as fast as that
     * connection reads, each connection its subscribed codes.
     */
    Throughput maxRate(String name, int connections, ClientFactory factory) throws Exception {
        if (!selected(name)) {
            return null;
        }
        try (FirehoseServer server = new FirehoseServer(codes, payloads);
                Clients.Client client = factory.open(server.url())) {
            FirehoseServer.Generator gen = server.firehose(server.awaitSubscribed(connections, 10_000));
            client.receiver().awaitFirstEvent(10_000);
            Thread.sleep(warmupMillis);
            Receiver r = client.receiver();
            long c0 = r.count();
            long g0 = gen.frames.get();
            ThreadAccounting a0 = ThreadAccounting.snapshot();
            long t0 = System.nanoTime();
            Thread.sleep(measureMillis);
            long c1 = r.count();
            long t1 = System.nanoTime();
            long g1 = gen.frames.get();
            ThreadAccounting a1 = ThreadAccounting.snapshot();
            gen.stop();
            double seconds = (t1 - t0) / 1e9;
            double events = c1 - c0;
            long[] all = a1.since(a0, client.threads());
            long io = a1.since(a0, client.ioThreads())[1];
            double delivery = client.deliveryThreads() == Clients.Client.NO_THREADS ? Double.NaN
                    : a1.since(a0, client.deliveryThreads())[1];
            long generator = a1.since(a0, n -> n.startsWith(FirehoseServer.THREAD_PREFIX))[1];
            Throughput t = new Throughput(name, events / seconds, all[0] / events, all[1] / 1e9 / seconds,
                    generator / 1e9 / seconds, (g1 - g0) / events, io / events, delivery / events,
                    generator / events, a1.processCpuSince(a0) / events);
            log("%-52s %,12.0f events/s  %,8.0f B/event  client %.2f cores  generator %.2f cores  %.2f frames/event  "
                    + "CPU ns/event: I/O %,.0f  delivery %,.0f  generator %,.0f  process %,.0f", name,
                    t.eventsPerSecond(), t.bytesPerEvent(), t.clientCores(), t.generatorCores(), t.framesPerEvent(),
                    t.ioNanosPerEvent(), t.deliveryNanosPerEvent(), t.generatorNanosPerEvent(),
                    t.totalNanosPerEvent());
            logNote(client);
            return t;
        }
    }

    /** Latency over one connection. */
    Latency latency(String name, int rate, ClientFactory factory) throws Exception {
        return latency(name, rate, 1, factory);
    }

    /**
     * Latency from each event's intended send time to the route's processor, at a fixed rate of events, each sent
     * to every one of the client's {@code connections} subscribed to its code.
     */
    Latency latency(String name, int rate, int connections, ClientFactory factory) throws Exception {
        if (!selected(name + " " + rate + " msg/s")) {
            return null;
        }
        try (FirehoseServer server = new FirehoseServer(codes, payloads);
                Clients.Client client = factory.open(server.url());
                WakeLateness idle = new WakeLateness()) {
            FirehoseServer.Paced gen = server.paced(server.awaitSubscribed(connections, 10_000), rate);
            client.receiver().awaitFirstEvent(10_000);
            Thread.sleep(latencyWarmupMillis);
            Receiver r = client.receiver();
            long c0 = r.count();
            long g0 = gen.events.get();
            idle.reset();
            r.startRecording();
            Thread.sleep(measureMillis);
            long g1 = gen.events.get();
            Histogram floor = idle.interval();
            gen.stop();
            // let what was sent in the window arrive (it is recorded with its full latency)
            long deadline = System.currentTimeMillis() + 2000;
            while (r.count() - c0 < g1 - g0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            Histogram h = r.stopRecording();
            long received = r.count() - c0;
            Latency l = new Latency(name, rate, g1 - g0, received, h.getValueAtPercentile(50) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3,
                    floor.getValueAtPercentile(99) / 1e3);
            log("%-52s %,7d msg/s  p50 %,9.1f µs  p99 %,9.1f µs  p99.9 %,9.1f µs  max %,9.1f µs  (%d sent, %d received)"
                    + "  idle thread woke late p99 %,.1f µs", name, rate, l.p50(), l.p99(), l.p999(), l.max(), l.sent(),
                    l.received(), l.idleP99());
            logNote(client);
            return l;
        }
    }

    /** Heap held after a full GC: one route, then 1,000 routes over 100 codes (10 routes per code). */
    Memory memory() throws Exception {
        try (FirehoseServer server = new FirehoseServer(codes, payloads)) {
            long base = usedHeapAfterGc();
            long one = heldBy(server, 1, base);
            long thousand = heldBy(server, 1000, base);
            Memory m = new Memory(one, thousand, (thousand - one) / 999.0);
            log("heap held: 1 route %,d B; 1,000 routes over 100 codes %,d B (%,.0f B per extra route)",
                    one, thousand, m.perRouteBytes());
            return m;
        }
    }

    private long heldBy(FirehoseServer server, int routes, long base) throws Exception {
        CamelContext context = newContext(server.url());
        int before = server.textFramesReceived();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < routes; i++) {
                    from("upbit:ticker?codes=" + codes.get(i % CODES)).routeId("r" + i).process(e -> { });
                }
            }
        });
        context.start();
        server.awaitConnection(10_000);
        long deadline = System.currentTimeMillis() + 10_000;
        while (server.textFramesReceived() == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(500);
        long held = usedHeapAfterGc() - base;
        context.stop();
        return held;
    }

    /**
     * 1,000 route starts (one new code each) against the simulator: the subscribe messages it received and the time
     * from the first start until its subscription holds all 1,000 codes.
     */
    Churn churn(int routes) throws Exception {
        try (UpbitSimulator sim = UpbitSimulator.builder().compression(false).tickInterval(Duration.ofHours(1))
                .build().start()) {
            CamelContext context = newContext(sim.url());
            context.start();
            long t0 = System.nanoTime();
            for (int i = 0; i < routes; i++) {
                String code = String.format(Locale.ROOT, "KRW-D%04d", i);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("upbit:ticker?codes=" + code).routeId(code).process(e -> { });
                    }
                });
            }
            long started = System.nanoTime();
            long deadline = System.currentTimeMillis() + 120_000;
            long complete = -1;
            while (System.currentTimeMillis() < deadline) {
                List<SimConnection> connections = sim.connections();
                if (!connections.isEmpty() && connections.get(0).subscribedCodes("ticker").size() == routes) {
                    complete = System.nanoTime();
                    break;
                }
                Thread.sleep(2);
            }
            List<io.camelupbit.test.ReceivedMessage> messages = sim.subscribeMessages();
            StringBuilder times = new StringBuilder();
            for (io.camelupbit.test.ReceivedMessage m : messages) {
                times.append(times.length() == 0 ? "" : ", ").append(m.connectionId()).append('@')
                        .append(Duration.between(messages.get(0).at(), m.at()).toMillis());
            }
            Churn c = new Churn(routes, messages.size(), (started - t0) / 1_000_000,
                    complete < 0 ? -1 : (complete - t0) / 1_000_000, sim.rateLimitViolations(),
                    sim.acceptedConnections(), times.toString());
            log("churn: %d route starts in %,d ms -> %d subscribe message(s); server state complete after %,d ms; "
                    + "%d rate-limit violation(s); %d connection(s); subscribe arrivals (ms after the first): %s",
                    routes, c.routesStartedMillis(), c.subscribeMessages(), c.completeMillis(), c.violations(),
                    c.connections(), c.sendTimes());
            context.stop();
            return c;
        }
    }

    /** A context whose {@code upbit} component reads {@code url} uncompressed and stops without waiting. */
    static CamelContext newContext(String url) {
        return newContext(url, Map.of());
    }

    /**
     * {@link #newContext(String)} with further component options, bound by name as Camel binds
     * {@code camel.component.upbit.*}: this module compiles against a camel-upbit without a given option, and an
     * option the installed camel-upbit does not know fails here, by name.
     */
    static CamelContext newContext(String url, Map<String, Object> componentOptions) {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(10);
        UpbitComponent upbit = new UpbitComponent();
        upbit.setUrl(url);
        upbit.setCompression(false);
        upbit.setShutdownQuietPeriod(0);
        upbit.setConnectionLinger(0);
        context.addComponent("upbit", upbit);
        if (!componentOptions.isEmpty()) {
            try {
                PropertyBindingSupport.build().withMandatory(true)
                        .bind(context, upbit, new HashMap<>(componentOptions));
            } catch (PropertyBindingException e) {
                throw new IllegalStateException("cannot set upbit component option " + e.getPropertyName() + "="
                        + e.getValue() + " on the installed camel-upbit (an older one without the option?): "
                        + e.getMessage(), e);
            }
        }
        return context;
    }

    static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
