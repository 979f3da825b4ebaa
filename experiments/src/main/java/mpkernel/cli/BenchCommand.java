package mpkernel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import mpkernel.isolation.Backend;
import mpkernel.isolation.Pku;
import mpkernel.results.BadResultFile;
import mpkernel.results.BenchFile;
import mpkernel.results.JmhResult;
import mpkernel.results.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./mpk bench [PATTERN] [--quick]}: the JMH microbenchmarks (gate round trip against its
 * floor, null system call, {@code write_bytes} sweep, kernel {@code malloc}/{@code free}, the key
 * cache of the virtual domains: a hit, a miss, the cost against the domains in use) on
 * every backend that works here ({@code mpk} where the CPU has PKU), and, where it has PKU,
 * WRPKRU+LFENCE alone with the clock that turns it into cycles; in a child JVM. Writes
 * {@code results/bench-<UTC stamp>.json} (provenance and JMH's JSON) and JMH's full log beside
 * it, and prints a short table.
 *
 * <p>Refused inside the PKU guest, where every timing is an emulation artefact, unless
 * {@code --emulated} ({@link TimingGuard}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the JMH microbenchmarks on every backend that works here and print a summary.",
                "Backends: none (vanilla), mpk-dry (the mpk gate path without WRPKRU/LFENCE, benchmark-only), "
                        + "mprotect, and mpk where the CPU has PKU; there also WRPKRU+LFENCE alone, in ns and in cycles."},
        footer = {"", "Results: results/bench-<date>.json (provenance + JMH JSON), JMH's log beside it.",
                "Exit status: 0 done, 1 a benchmark failed, 2 bad usage."})
final class BenchCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATTERN",
            description = "JMH include regex, e.g. GateBench, KeyCacheBench or 'WriteBytes|NullSyscall' (default: all)")
    String pattern;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "CI size, under 3 minutes: 2 forks of 3 x 200 ms warmup + 3 x 100 ms, write_bytes at 1 B, 4 KB, 1 MB only, key cache at 1 and 16 domains and one page")
    boolean quick;

    @Option(names = "--list", description = "list the benchmarks PATTERN selects and exit")
    boolean list;

    @Option(names = TimingGuard.OPTION, description = "inside the PKU guest only: run anyway, every time labelled an emulation artefact (results/emulated/)")
    boolean emulated;

    /** The benchmark that executes WRPKRU: it dies of SIGILL on a CPU without PKU, so it runs only where PKU exists. */
    static final String NEEDS_PKU = "WrpkruBench";

    @Override
    public Integer call() {
        try {
            return bench();
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("mpk: bench: " + e.getMessage());
            return 1;
        }
    }

    private int bench() {
        Machine machine = Machine.current();
        TimingGuard.check("bench", emulated, machine, "run ./mpk bench on the host");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new UserError("bench: PATTERN is not a regular expression: " + e.getDescription() + " in '" + pattern + "'");
            }
        }
        List<String> selected = JmhProcess.list(pattern);
        if (selected.isEmpty()) {
            throw new UserError("bench: no benchmark matches '" + pattern + "'; known: "
                    + String.join(", ", JmhProcess.list(null).stream().map(JmhResult::shortName).toList()));
        }
        boolean pku = machine.pku().available();
        if (!pku) {
            selected = selected.stream().filter(b -> !b.contains("." + NEEDS_PKU + ".")).toList();
            if (selected.isEmpty()) {
                throw new UserError("bench: " + NEEDS_PKU + " executes WRPKRU and needs PKU, which this machine lacks: "
                        + machine.pku().describe());
            }
        }
        if (list) {
            selected.stream().map(JmhResult::shortName).forEach(System.out::println);
            return 0;
        }
        List<String> backends = backendsHere();
        JmhPlan plan = (quick ? JmhPlan.quick(pattern, backends) : JmhPlan.full(pattern, backends))
                .excluding(pku ? List.of() : List.of(NEEDS_PKU));
        Path results = ResultsDir.of(null, quick, emulated);
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        Path target = results.resolve("bench-" + stamp + ".json");
        Path log = results.resolve("bench-" + stamp + ".log");
        System.out.printf("mpk bench: %d benchmark(s) on %s; %s%nJMH log: %s%n", selected.size(),
                String.join(", ", backends), plan.describe(), log);
        String loadBefore = loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        if (!loadBefore.equals("unknown") && Double.parseDouble(loadBefore.split(" ")[0]) > cores) {
            System.out.printf("mpk bench: load average %s on %d cores: other work is running, expect noisy numbers%n",
                    loadBefore, cores);
        }
        long start = System.nanoTime();
        String jmhJson = measure(plan, results, log);
        if (jmhJson == null) {
            return 1;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Map<String, String> provenance = machine.provenance(String.join(",", backends), TypedCommand.of(spec));
        provenance.put("jmh_settings", plan.describe());
        provenance.put("duration_s", Long.toString(took.toSeconds()));
        provenance.put("loadavg_before", loadBefore);
        provenance.put("loadavg_after", loadAverage());
        provenance.put("mpk-dry", "the mpk gate path without the WRPKRU/LFENCE instructions (benchmark-only, protects nothing)");
        BenchFile written = write(target, new Provenance(provenance), jmhJson);

        System.out.println();
        if (machine.insideQemu()) {
            System.out.println(machine.timing());
        }
        System.out.print(new BenchReport(written.results(), Machine.cpuGhz()).render());
        System.out.printf("%nresults: %s (took %dm %02ds)%n", target, took.toMinutes(), took.toSecondsPart());
        return 0;
    }

    /** Writes the bench file and reads it back, so that the summary shows what the file holds. */
    private static BenchFile write(Path target, Provenance provenance, String jmhJson) {
        try {
            BenchFile.write(target, provenance, jmhJson);
            return BenchFile.read(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } catch (BadResultFile e) {
            throw new IllegalStateException("JMH's results cannot be read: " + e.getMessage(), e);
        }
    }

    /** Runs JMH; returns its JSON, or {@code null} after printing the end of its log. */
    private static String measure(JmhPlan plan, Path results, Path log) {
        Path json;
        try {
            Files.createDirectories(results);
            json = Files.createTempFile("mpk-bench-", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + results, e);
        }
        try {
            int rc = JmhProcess.run(plan, json, log, System.out);
            if (rc != 0) {
                System.err.println(tail(log, 40));
                System.err.println("mpk: bench: JMH failed (exit " + rc + "); its whole log is " + log);
                return null;
            }
            return Files.readString(json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JMH's results", e);
        } finally {
            try {
                Files.deleteIfExists(json);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    /** Every backend whose timings mean something here: real {@code mpk} only where the CPU has PKU (or, --emulated, in the guest). */
    static List<String> backendsHere() {
        List<String> b = new ArrayList<>(List.of(Backend.NONE.cliName(), Backend.MPK_DRY.cliName(), Backend.MPROTECT.cliName()));
        if (Pku.probe().available()) {
            b.add(Backend.MPK.cliName());
        }
        return b;
    }


    /**
     * The 1, 5 and 15 minute load averages: on a shared 2-core machine, what else was running
     * explains a noisy result better than anything in it.
     */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
