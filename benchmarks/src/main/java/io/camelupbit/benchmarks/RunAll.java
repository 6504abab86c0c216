package io.camelupbit.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every measurement of issues #7 and #20 with short defaults and prints one table with the ratios and a verdict
 * per target.
 * <p>
 * Options: {@code --out DIR} (raw JMH JSON and the summary; default target/bench-results), {@code --quick} (a smoke
 * run: tiny iterations), {@code --skip-jmh}, {@code --only-jmh}, {@code --warmup MS} and {@code --measure MS} (end to
 * end windows, default 3000 and 5000), {@code --latency-warmup MS} (default 10000), {@code --only TEXT} (only the end-to-end scenarios whose name contains it,
 * e.g. {@code "1 route"}, {@code baseline}, {@code memory}, {@code churn}, {@code shards}, {@code redundancy}).
 */
public final class RunAll {

    private static final String CEILING = "transport ceiling (Netty, frames counted)";
    private static final String ONE_ROUTE = "camel-upbit, 1 route";
    private static final String BASELINE = "baseline (JDK WS + Map + ProducerTemplate)";
    private static final String POOLED = "camel-upbit, 1 route, pooled exchanges";
    /** The latency of the {@link Lines} scenarios is measured at this rate only (issue #20's target). */
    private static final int LINES_LATENCY_RATE = 10_000;

    /**
     * The scenarios of issue #20: one route over the 100 codes on one connection, on two shards (each its own
     * connection and I/O thread), and on two redundant lines (each event on both, delivered once).
     */
    private enum Lines {
        SHARDS_1("camel-upbit, 1 route, shards=1", 1, Map.of("shards", 1)),
        SHARDS_2("camel-upbit, 1 route, shards=2", 2, Map.of("shards", 2)),
        REDUNDANCY_2("camel-upbit, 1 route, redundancy=2", 2, Map.of("redundancy", 2));

        final String scenario;
        /** The connections the component opens: the generator waits for them all to subscribe. */
        final int connections;
        final Map<String, Object> options;

        Lines(String scenario, int connections, Map<String, Object> options) {
            this.scenario = scenario;
            this.connections = connections;
            this.options = options;
        }
    }

    private RunAll() {
    }

    private static String routes(int routes) {
        return "camel-upbit, " + routes + " routes (1 matches)";
    }

    public static void main(String[] args) throws Exception {
        Path out = Paths.get("target/bench-results");
        boolean quick = false;
        boolean jmh = true;
        boolean e2e = true;
        long warmup = 3000;
        long latencyWarmup = 10_000;
        long measure = 5000;
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Paths.get(args[++i]);
                case "--quick" -> quick = true;
                case "--skip-jmh" -> jmh = false;
                case "--only-jmh" -> e2e = false;
                case "--warmup" -> warmup = Long.parseLong(args[++i]);
                case "--latency-warmup" -> latencyWarmup = Long.parseLong(args[++i]);
                case "--measure" -> measure = Long.parseLong(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (quick) {
            warmup = Math.min(warmup, 500);
            latencyWarmup = Math.min(latencyWarmup, 500);
            measure = Math.min(measure, 500);
        }
        Files.createDirectories(out);
        String load0 = loadavg();
        long started = System.currentTimeMillis();

        Map<String, double[]> decode = jmh ? decode(out, quick) : Map.of();

        List<EndToEnd.Throughput> rates = new ArrayList<>();
        List<EndToEnd.Latency> latencies = new ArrayList<>();
        EndToEnd.Memory memory = null;
        EndToEnd.Churn churn = null;
        if (e2e) {
            EndToEnd run = new EndToEnd(warmup, latencyWarmup, measure, only);
            List<String> codes = run.codes();
            if (run.selected(ONE_ROUTE) || Arrays.stream(Lines.values()).anyMatch(l -> run.selected(l.scenario))) {
                run.warmUp(url -> new Clients.Ours(url, codes, 0));
            }
            addIfRun(rates, run.maxRate(CEILING, url -> new Clients.Ceiling(url, codes)));
            addIfRun(rates, run.maxRate(ONE_ROUTE, url -> new Clients.Ours(url, codes, 0)));
            addIfRun(rates, run.maxRate(BASELINE, url -> new Clients.Baseline(url, codes)));
            addIfRun(rates, run.maxRate(POOLED, url -> new Clients.Ours(url, codes, 0, true)));
            for (int routes : new int[] {10, 100, 1000}) {
                addIfRun(rates, run.maxRate(routes(routes), url -> new Clients.Ours(url, codes, routes - 1)));
            }
            for (Lines lines : Lines.values()) {
                addIfRun(rates, run.maxRate(lines.scenario, lines.connections,
                        url -> new Clients.Ours(url, codes, lines.options)));
            }
            int[] oneRouteRates = {1_000, 10_000, 50_000};
            if (Arrays.stream(oneRouteRates).anyMatch(rate -> run.selected(ONE_ROUTE + " " + rate + " msg/s"))
                    || Arrays.stream(Lines.values())
                            .anyMatch(l -> run.selected(l.scenario + " " + LINES_LATENCY_RATE + " msg/s"))) {
                run.warmUpPaced(LINES_LATENCY_RATE, url -> new Clients.Ours(url, codes, 0));
            }
            for (int rate : oneRouteRates) {
                addIfRun(latencies, run.latency(ONE_ROUTE, rate, url -> new Clients.Ours(url, codes, 0)));
                addIfRun(latencies, run.latency("baseline", rate, url -> new Clients.Baseline(url, codes)));
            }
            for (Lines lines : Lines.values()) {
                addIfRun(latencies, run.latency(lines.scenario, LINES_LATENCY_RATE, lines.connections,
                        url -> new Clients.Ours(url, codes, lines.options)));
            }
            memory = run.selected("memory") ? run.memory() : null;
            churn = run.selected("churn") ? run.churn(1000) : null;
        }

        String table = table(decode, rates, latencies, memory, churn, load0, loadavg(),
                (System.currentTimeMillis() - started) / 1000);
        System.out.println();
        System.out.println(table);
        Files.writeString(out.resolve("summary.txt"), table, StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static <T> void addIfRun(List<T> list, T item) {
        if (item != null) {
            list.add(item);
        }
    }

    /** frame/format/method → {ops/s, B/op}. */
    private static Map<String, double[]> decode(Path out, boolean quick) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(DecodeBenchmark.class.getName())
                .addProfiler(GCProfiler.class)
                .result(out.resolve("jmh-decode.json").toString())
                .resultFormat(ResultFormatType.JSON);
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, double[]> byKey = new LinkedHashMap<>();
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            String method = bench.substring(bench.lastIndexOf('.') + 1);
            double alloc = Double.NaN;
            for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = e.getValue().getScore();
                }
            }
            byKey.put(r.getParams().getParam("frame") + "/" + r.getParams().getParam("format") + "/" + method,
                    new double[] {r.getPrimaryResult().getScore(), alloc});
        }
        return byKey;
    }

    private static String table(Map<String, double[]> decode, List<EndToEnd.Throughput> rates,
            List<EndToEnd.Latency> latencies, EndToEnd.Memory memory, EndToEnd.Churn churn, String load0,
            String load1, long seconds) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        PrintStream p = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<String> verdicts = new ArrayList<>();
        p.printf(Locale.ROOT, "camel-upbit benchmarks — %d cores, %s %s, %s; loadavg at start %s, at end %s; %d s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                load0, load1, seconds);
        for (String damon : MachineNotes.damon()) {
            p.printf(Locale.ROOT, "DAMON %s: expect stalls of a few ms every sample in the latency tail "
                    + "(docs/performance.md)%n", damon);
        }

        if (!decode.isEmpty()) {
            p.println();
            p.println("DECODE (JMH, ops/s; B/op from -prof gc)");
            p.printf(Locale.ROOT, "%-18s %11s %11s %11s %11s | %7s %7s %7s | %7s %7s %7s %7s%n",
                    "frame", "decoder", "Map", "records", "tokenScan", "÷scan", "÷Map", "÷rec", "B/op", "Map", "rec",
                    "scan");
            for (Frames.Kind k : Frames.Kind.values()) {
                for (Frames.Format f : Frames.Format.values()) {
                    String key = k + "/" + f + "/";
                    double[] ours = decode.get(key + "decoder");
                    double[] map = decode.get(key + "jacksonMap");
                    double[] rec = decode.get(key + "jacksonRecord");
                    double[] scan = decode.get(key + "tokenScan");
                    if (ours == null || map == null || rec == null || scan == null) {
                        continue;
                    }
                    p.printf(Locale.ROOT, "%-18s %,11.0f %,11.0f %,11.0f %,11.0f | %6.0f%% %6.2fx %6.2fx | %7.0f %7.0f "
                            + "%7.0f %7.0f%n", k + " " + f, ours[0], map[0], rec[0], scan[0],
                            100 * ours[0] / scan[0], ours[0] / map[0], ours[0] / rec[0], ours[1], map[1], rec[1],
                            scan[1]);
                    verdict(verdicts, ours[0] / map[0], ours[0] >= 1.3 * map[0],
                            "decode " + k + " " + f + " ≥ 1.3× the Map baseline",
                            String.format(Locale.ROOT, "%.2fx", ours[0] / map[0]));
                    verdict(verdicts, ours[0] / scan[0], ours[0] / scan[0] >= 0.70,
                            "decode " + k + " " + f + " ≥ 70 % of token scan",
                            String.format(Locale.ROOT, "%.0f %%", 100 * ours[0] / scan[0]));
                }
            }
        }

        if (!rates.isEmpty()) {
            p.println();
            p.println("END TO END, highest sustained rate (loopback, 100 codes, ~951-byte ticker frames, no compression)");
            p.printf(Locale.ROOT, "%-46s %13s %10s %12s %10s %9s | %-36s%n", "", "", "", "", "", "",
                    "CPU ns per delivered event");
            p.printf(Locale.ROOT, "%-46s %13s %10s %12s %10s %9s | %8s %8s %8s %8s%n", "receiver", "events/s",
                    "B/event", "client cores", "gen cores", "frames/ev", "I/O", "delivery", "gen", "process");
            for (EndToEnd.Throughput t : rates) {
                p.printf(Locale.ROOT, "%-46s %,13.0f %,10.0f %12.2f %10.2f %9.2f | %8s %8s %8s %8s%n", t.name(),
                        t.eventsPerSecond(), t.bytesPerEvent(), t.clientCores(), t.generatorCores(),
                        t.framesPerEvent(), nanos(t.ioNanosPerEvent()), nanos(t.deliveryNanosPerEvent()),
                        nanos(t.generatorNanosPerEvent()), nanos(t.totalNanosPerEvent()));
            }
            p.println("  events/s: events the route got, each once; frames/ev: frames the generator wrote per such "
                    + "event (redundancy=2: the generator sends every event on both connections, each at its own pace, "
                    + "so up to 2x)");
            p.println("  CPU: I/O = the receiver's read+decode threads (upbit-io-*; baseline HttpClient-*, which also "
                    + "run its route; ceiling bench-ceiling-*), delivery = UpbitDelivery workers, gen = generator "
                    + "(bench-server*), process = the whole JVM (GC, JIT and all other threads included)");
            double ceiling = rate(rates, CEILING);
            double one = rate(rates, ONE_ROUTE);
            double base = rate(rates, BASELINE);
            double thousand = rate(rates, routes(1000));
            if (!Double.isNaN(one)) {
                p.printf(Locale.ROOT, "ratios: ours ÷ baseline %.2fx; ours ÷ transport ceiling %.0f %%; 1,000 routes "
                        + "÷ 1 route %.0f %%; 100 ÷ 1 %.0f %%; 10 ÷ 1 %.0f %%%n", one / base, 100 * one / ceiling,
                        100 * thousand / one, 100 * rate(rates, routes(100)) / one,
                        100 * rate(rates, routes(10)) / one);
            }
            verdict(verdicts, one, one >= 150_000, "≥ 150,000 events/s with one route",
                    String.format(Locale.ROOT, "%,.0f", one));
            verdict(verdicts, one / base, one >= 2 * base, "≥ 2× the hand-written baseline",
                    String.format(Locale.ROOT, "%.2fx", one / base));
            verdict(verdicts, one / ceiling, one >= 0.5 * ceiling, "≥ 50 % of the transport ceiling",
                    String.format(Locale.ROOT, "%.0f %%", 100 * one / ceiling));
            verdict(verdicts, thousand / one, thousand >= 0.8 * one, "1,000 routes (1 matching) ≥ 80 % of one route",
                    String.format(Locale.ROOT, "%.0f %%", 100 * thousand / one));
            double perEvent = find(rates, ONE_ROUTE).map(EndToEnd.Throughput::bytesPerEvent).orElse(Double.NaN);
            verdict(verdicts, perEvent, perEvent <= 2048,
                    "≤ 2 KB allocated per delivered ticker event (exchange included)",
                    String.format(Locale.ROOT, "%,.0f B", perEvent));
            double pooled = find(rates, POOLED).map(EndToEnd.Throughput::bytesPerEvent).orElse(Double.NaN);
            verdict(verdicts, pooled, pooled <= 2048, "  the same with Camel's pooled exchange factory",
                    String.format(Locale.ROOT, "%,.0f B", pooled));
            lines(p, rates, verdicts);
        }

        if (!latencies.isEmpty()) {
            p.println();
            p.println("LATENCY, intended send time → route processor (µs; HdrHistogram, coordinated-omission safe)");
            p.printf(Locale.ROOT, "%-36s %8s %10s %10s %10s %10s %14s %10s%n", "receiver", "msg/s", "p50", "p99",
                    "p99.9", "max", "received", "idle p99");
            for (EndToEnd.Latency l : latencies) {
                p.printf(Locale.ROOT, "%-36s %,8d %,10.1f %,10.1f %,10.1f %,10.1f %,7d/%,-6d %,10.1f%n", l.name(),
                        l.rate(), l.p50(), l.p99(), l.p999(), l.max(), l.received(), l.sent(), l.idleP99());
            }
            p.println("  idle p99: how late an idle thread of the same JVM woke from a 100 µs sleep (p99, µs), in the "
                    + "same window: the machine's floor for these figures");
            latencies.stream().filter(l -> l.rate() == 10_000 && l.name().startsWith("camel-upbit")).forEach(l ->
                    verdict(verdicts, l.p99(), l.p99() <= 1000, "p99 ≤ 1 ms at 10,000 msg/s, " + l.name(),
                            String.format(Locale.ROOT, "%.0f µs", l.p99())));
        }

        if (memory != null) {
            p.println();
            p.printf(Locale.ROOT, "MEMORY: heap held after full GC: 1 route %,d B; 1,000 routes over 100 codes %,d B "
                    + "(%,.0f B per extra route, Camel's route included)%n", memory.oneRouteBytes(),
                    memory.thousandRoutesBytes(), memory.perRouteBytes());
        }
        if (churn != null) {
            p.printf(Locale.ROOT, "CHURN: %,d route starts (one new code each) in %,d ms → %d subscribe message(s) "
                    + "at the simulator; its state complete %,d ms after the first start; %d rate-limit violation(s)%n",
                    churn.routes(), churn.routesStartedMillis(), churn.subscribeMessages(), churn.completeMillis(),
                    churn.violations());
        }

        if (!verdicts.isEmpty()) {
            p.println();
            p.println("TARGETS");
            verdicts.forEach(p::println);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Issue #20's figures: shards=2 against shards=1 (events/s, and I/O CPU per event, the decode cost, which a
     * second connection must not raise), redundancy=2 against one line (shards=1 is the same configuration).
     */
    private static void lines(PrintStream p, List<EndToEnd.Throughput> rates, List<String> verdicts) {
        double one = rate(rates, Lines.SHARDS_1.scenario);
        double two = rate(rates, Lines.SHARDS_2.scenario);
        double redundant = rate(rates, Lines.REDUNDANCY_2.scenario);
        double io1 = find(rates, Lines.SHARDS_1.scenario).map(EndToEnd.Throughput::ioNanosPerEvent)
                .orElse(Double.NaN);
        double io2 = find(rates, Lines.SHARDS_2.scenario).map(EndToEnd.Throughput::ioNanosPerEvent)
                .orElse(Double.NaN);
        if (Double.isNaN(one)) {
            return;
        }
        p.printf(Locale.ROOT, "shards and lines: shards=2 ÷ shards=1 %.2fx events/s, I/O (decode) CPU per event "
                + "%+.0f %%; redundancy=2 ÷ redundancy=1 (the shards=1 run) %.0f %% events/s%n", two / one,
                100 * (io2 / io1 - 1), 100 * redundant / one);
        verdict(verdicts, two / one, two >= 1.3 * one && io2 <= 1.1 * io1,
                "shards=2 ≥ 1.3× shards=1's events/s, I/O CPU/event ≤ +10 %",
                String.format(Locale.ROOT, "%.2fx, %+.0f %%", two / one, 100 * (io2 / io1 - 1)));
        verdict(verdicts, redundant / one, redundant >= 0.6 * one, "redundancy=2 ≥ 60 % of redundancy=1's events/s",
                String.format(Locale.ROOT, "%.0f %%", 100 * redundant / one));
    }

    private static Optional<EndToEnd.Throughput> find(List<EndToEnd.Throughput> rates, String name) {
        return rates.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static double rate(List<EndToEnd.Throughput> rates, String name) {
        return find(rates, name).map(EndToEnd.Throughput::eventsPerSecond).orElse(Double.NaN);
    }

    /** A CPU figure in ns, "-" where it does not apply. */
    private static String nanos(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** Adds a target's verdict unless its figure is NaN: a scenario it needs was not run (see {@code --only}). */
    private static void verdict(List<String> verdicts, double figure, boolean met, String target, String measured) {
        if (!Double.isNaN(figure)) {
            verdicts.add(String.format(Locale.ROOT, "  %-6s %-62s %s", met ? "MET" : "MISSED", target, measured));
        }
    }

    private static String loadavg() {
        try {
            return Files.readString(Paths.get("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
