package io.camelupbit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What about the machine bends the figures, for the table's header. */
final class MachineNotes {

    private static final Path KDAMONDS = Paths.get("/sys/kernel/mm/damon/admin/kdamonds");

    private MachineNotes() {
    }

    /**
     * The kernel's DAMON monitors that are on, e.g. {@code kdamond 0 on (paddr, sample 500 ms, pageout)}: each sample
     * clears the accessed bits of the memory it watches, and for a few milliseconds afterwards every thread that
     * touches memory runs slowly (measured: docs/performance.md). Empty when there is none or it cannot be read.
     */
    static List<String> damon() {
        List<String> on = new ArrayList<>();
        if (!Files.isDirectory(KDAMONDS)) {
            return on;
        }
        try (Stream<Path> kdamonds = Files.list(KDAMONDS)) {
            for (Path k : (Iterable<Path>) kdamonds.filter(Files::isDirectory).sorted()::iterator) {
                if (!"on".equals(read(k.resolve("state")))) {
                    continue;
                }
                Path context = k.resolve("contexts/0");
                String sample = read(context.resolve("monitoring_attrs/intervals/sample_us"));
                String action = read(context.resolve("schemes/0/action"));
                on.add("kdamond " + k.getFileName() + " on (" + read(context.resolve("operations"))
                        + (sample.isEmpty() ? "" : ", sample " + Long.parseLong(sample) / 1000 + " ms")
                        + (action.isEmpty() ? "" : ", " + action) + ")");
            }
        } catch (IOException | RuntimeException e) {
            on.add("DAMON state unreadable: " + e);
        }
        return on;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
