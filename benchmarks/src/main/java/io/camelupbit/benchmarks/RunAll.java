package io.camelupbit.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every measurement of issue #7 with short defaults and prints one table with the ratios.
 * <p>
 * Options: {@code --out DIR} (raw JMH JSON and the summary; default target/bench-results), {@code --quick} (a smoke
 * run: tiny iterations), {@code --skip-jmh}, {@code --only-jmh}, {@code --warmup MS} and {@code --measure MS} (end to
 * end windows, default 3000 and 5000), {@code --only TEXT} (only the end-to-end scenarios whose name contains it,
 * e.g. {@code "1 route"}, {@code baseline}, {@code memory}, {@code churn}).
 */
public final class RunAll {

    private RunAll() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Paths.get("target/bench-results");
        boolean quick = false;
        boolean jmh = true;
        boolean e2e = true;
        long warmup = 3000;
        long measure = 5000;
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Paths.get(args[++i]);
                case "--quick" -> quick = true;
                case "--skip-jmh" -> jmh = false;
                case "--only-jmh" -> e2e = false;
                case "--warmup" -> warmup = Long.parseLong(args[++i]);
                case "--measure" -> measure = Long.parseLong(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (quick) {
            warmup = Math.min(warmup, 500);
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
            EndToEnd run = new EndToEnd(warmup, measure, only);
            List<String> codes = run.codes();
            addIfRun(rates, run.maxRate("transport ceiling (Netty, frames counted)", url -> new Clients.Ceiling(url, codes)));
            addIfRun(rates, run.maxRate("camel-upbit, 1 route", url -> new Clients.Ours(url, codes, 0)));
            addIfRun(rates, run.maxRate("baseline (JDK WS + Map + ProducerTemplate)",
                    url -> new Clients.Baseline(url, codes)));
            addIfRun(rates, run.maxRate("camel-upbit, 1 route, pooled exchanges",
                    url -> new Clients.Ours(url, codes, 0, true)));
            for (int routes : new int[] {10, 100, 1000}) {
                addIfRun(rates, run.maxRate("camel-upbit, " + routes + " routes (1 matches)",
                        url -> new Clients.Ours(url, codes, routes - 1)));
            }
            for (int rate : new int[] {1_000, 10_000, 50_000}) {
                addIfRun(latencies, run.latency("camel-upbit, 1 route", rate, url -> new Clients.Ours(url, codes, 0)));
                addIfRun(latencies, run.latency("baseline", rate, url -> new Clients.Baseline(url, codes)));
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
                    verdicts.add(verdict(ours[0] >= 1.3 * map[0], "decode " + k + " " + f + " ≥ 1.3× the Map baseline",
                            String.format(Locale.ROOT, "%.2fx", ours[0] / map[0])));
                    verdicts.add(verdict(ours[0] / scan[0] >= 0.70, "decode " + k + " " + f + " ≥ 70 % of token scan",
                            String.format(Locale.ROOT, "%.0f %%", 100 * ours[0] / scan[0])));
                }
            }
        }

        if (!rates.isEmpty()) {
            p.println();
            p.println("END TO END, highest sustained rate (loopback, 100 codes, ~951-byte ticker frames, no compression)");
            p.printf(Locale.ROOT, "%-46s %13s %10s %12s %10s%n", "receiver", "events/s", "B/event", "client cores",
                    "gen cores");
            for (EndToEnd.Throughput t : rates) {
                p.printf(Locale.ROOT, "%-46s %,13.0f %,10.0f %12.2f %10.2f%n", t.name(), t.eventsPerSecond(),
                        t.bytesPerEvent(), t.clientCores(), t.generatorCores());
            }
            double ceiling = rate(rates, "transport");
            double one = rate(rates, "camel-upbit, 1 route");
            double base = rate(rates, "baseline");
            double thousand = rate(rates, "camel-upbit, 1000 routes");
            p.printf(Locale.ROOT, "ratios: ours ÷ baseline %.2fx; ours ÷ transport ceiling %.0f %%; 1,000 routes ÷ "
                    + "1 route %.0f %%; 100 ÷ 1 %.0f %%; 10 ÷ 1 %.0f %%%n", one / base, 100 * one / ceiling,
                    100 * thousand / one, 100 * rate(rates, "camel-upbit, 100 routes") / one,
                    100 * rate(rates, "camel-upbit, 10 routes") / one);
            verdicts.add(verdict(one >= 150_000, "≥ 150,000 events/s with one route",
                    String.format(Locale.ROOT, "%,.0f", one)));
            verdicts.add(verdict(one >= 2 * base, "≥ 2× the hand-written baseline",
                    String.format(Locale.ROOT, "%.2fx", one / base)));
            verdicts.add(verdict(one >= 0.5 * ceiling, "≥ 50 % of the transport ceiling",
                    String.format(Locale.ROOT, "%.0f %%", 100 * one / ceiling)));
            verdicts.add(verdict(thousand >= 0.8 * one, "1,000 routes (1 matching) ≥ 80 % of one route",
                    String.format(Locale.ROOT, "%.0f %%", 100 * thousand / one)));
            double perEvent = rates.stream().filter(t -> t.name().startsWith("camel-upbit, 1 route")).findFirst()
                    .map(EndToEnd.Throughput::bytesPerEvent).orElse(Double.NaN);
            verdicts.add(verdict(perEvent <= 2048, "≤ 2 KB allocated per delivered ticker event (exchange included)",
                    String.format(Locale.ROOT, "%,.0f B", perEvent)));
            rates.stream().filter(t -> t.name().contains("pooled")).findFirst().ifPresent(t -> verdicts.add(
                    verdict(t.bytesPerEvent() <= 2048, "  the same with Camel's pooled exchange factory",
                            String.format(Locale.ROOT, "%,.0f B", t.bytesPerEvent()))));
        }

        if (!latencies.isEmpty()) {
            p.println();
            p.println("LATENCY, intended send time → route processor (µs; HdrHistogram, coordinated-omission safe)");
            p.printf(Locale.ROOT, "%-22s %8s %10s %10s %10s %10s %10s%n", "receiver", "msg/s", "p50", "p99",
                    "p99.9", "max", "received");
            for (EndToEnd.Latency l : latencies) {
                p.printf(Locale.ROOT, "%-22s %,8d %,10.1f %,10.1f %,10.1f %,10.1f %,5d/%,d%n", l.name(), l.rate(),
                        l.p50(), l.p99(), l.p999(), l.max(), l.received(), l.sent());
            }
            latencies.stream().filter(l -> l.rate() == 10_000 && l.name().startsWith("camel-upbit")).findFirst()
                    .ifPresent(l -> verdicts.add(verdict(l.p99() <= 1000, "p99 ≤ 1 ms at 10,000 msg/s",
                            String.format(Locale.ROOT, "%.0f µs", l.p99()))));
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

    private static double rate(List<EndToEnd.Throughput> rates, String prefix) {
        return rates.stream().filter(t -> t.name().startsWith(prefix)).findFirst()
                .map(EndToEnd.Throughput::eventsPerSecond).orElse(Double.NaN);
    }

    private static String verdict(boolean met, String target, String measured) {
        return String.format(Locale.ROOT, "  %-6s %-62s %s", met ? "MET" : "MISSED", target, measured);
    }

    private static String loadavg() {
        try {
            return Files.readString(Paths.get("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
