package mpkernel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import mpkernel.experiments.overhead.Benchmark;
import mpkernel.experiments.overhead.Iteration;
import mpkernel.experiments.overhead.OverheadExperiment;
import mpkernel.isolation.Backend;
import mpkernel.results.JsonText;
import mpkernel.results.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The inside of {@code ./mpk reproduce --qemu}: runs every benchmark once on {@code none} and
 * once on {@code mpk} in the PKU guest and checks that both complete and verify. It reports
 * verdicts and gate crossings, never times: under TCG those are emulation artefacts.
 */
@Command(name = "reproduce-functional", hidden = true, description = "Run inside the PKU guest by reproduce --qemu.")
final class FunctionalCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "CI sizes")
    boolean quick;

    @Option(names = "--benchmarks", required = true, description = "comma-separated benchmarks")
    String benchmarks;

    @Option(names = "--out", required = true, description = "results folder")
    Path results;

    @Override
    public Integer call() throws IOException {
        Machine machine = Machine.current();
        if (!machine.pku().available()) {
            throw new UserError("reproduce-functional: needs PKU (run through ./mpk reproduce --qemu)");
        }
        JsonArray rows = new JsonArray();
        boolean allOk = true;
        System.out.printf("%-15s %-9s %-9s %14s %14s%n", "benchmark", "none", "mpk", "syscalls/run", "unsafe/run");
        String[] names = benchmarks.split(",");
        long start = System.nanoTime();
        int done = 0;
        System.err.printf("mpk: reproduce --qemu: %d benchmark(s), each on none then mpk in a fresh kernel JVM (about a minute each under TCG)%n",
                names.length);
        for (String name : names) {
            Benchmark b = Benchmark.named(name).orElseThrow(() -> new UserError("unknown benchmark " + name));
            String[] verdict = new String[2];
            Iteration mpkRun = null;
            for (int i = 0; i < 2; i++) {
                Backend backend = i == 0 ? Backend.NONE : Backend.MPK;
                try {
                    Iteration it = ReproduceCommand.runFork(backend, 0, 1, b.program(), b.args(quick)).getFirst();
                    verdict[i] = it.verified() ? "verified" : "FAILED";
                    if (backend == Backend.MPK) {
                        mpkRun = it;
                    }
                } catch (OverheadExperiment.ForkFailedException e) {
                    verdict[i] = "FAILED";
                    System.err.println("mpk: " + b.program() + " on " + backend.cliName() + ": " + e.getMessage());
                }
            }
            boolean ok = verdict[0].equals("verified") && verdict[1].equals("verified");
            allOk &= ok;
            System.out.printf(Locale.ROOT, "%-15s %-9s %-9s %14s %14s%n", b.program(), verdict[0], verdict[1],
                    mpkRun == null ? "-" : Long.toString(mpkRun.syscalls()), mpkRun == null ? "-" : Long.toString(mpkRun.unsafeCalls()));
            JsonObject row = new JsonObject();
            row.addProperty("benchmark", b.program());
            row.addProperty("args", String.join(" ", b.args(quick)));
            row.addProperty("none", verdict[0]);
            row.addProperty("mpk", verdict[1]);
            if (mpkRun != null) {
                row.addProperty("syscalls_per_run", mpkRun.syscalls());
                row.addProperty("unsafe_calls_per_run", mpkRun.unsafeCalls());
            }
            rows.add(row);
            done++;
            long left = Math.round((System.nanoTime() - start) / 1e9 / done * (names.length - done));
            System.err.printf(Locale.ROOT, "[%2d/%d eta %dm%02ds] %s: none %s, mpk %s%n", done, names.length, left / 60, left % 60,
                    b.program(), verdict[0], verdict[1]);
        }
        JsonObject root = new JsonObject();
        root.add("provenance", new Provenance(machine.provenance("mpk", "./mpk reproduce --qemu " + (quick ? "--quick " : "")
                + "--benchmarks " + benchmarks)).json());
        root.addProperty("note", "functional reproduction under QEMU TCG: verdicts and crossings only; times are emulation artefacts and not recorded");
        root.add("benchmarks", rows);
        Path file = ResultsDir.of(results, quick)
                .resolve("functional-mpk-qemu-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        JsonText.write(file, root);
        System.out.println(allOk ? "every benchmark completed and verified on none and mpk (real protection keys, QEMU TCG)"
                : "SOME BENCHMARKS FAILED under the PKU guest");
        System.out.println("results: " + file);
        return allOk ? 0 : 1;
    }
}
