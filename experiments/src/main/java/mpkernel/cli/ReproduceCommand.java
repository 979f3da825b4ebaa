package mpkernel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

import mpkernel.experiments.overhead.Benchmark;
import mpkernel.experiments.overhead.BenchmarkResult;
import mpkernel.experiments.overhead.Iteration;
import mpkernel.experiments.overhead.OverheadExperiment;
import mpkernel.experiments.overhead.OverheadReport;
import mpkernel.experiments.overhead.Projection;
import mpkernel.experiments.launch.KernelLaunch;
import mpkernel.experiments.launch.KernelOutcome;
import mpkernel.isolation.Backend;
import mpkernel.kernel.boot.KernelReport;
import mpkernel.isolation.fault.Fate;
import mpkernel.isolation.fault.PkuGuest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mpk reproduce}: the paper's overhead experiment on this machine. Vanilla and isolated
 * builds alternate in fresh JVMs; the table and the result files report the slowdown per
 * benchmark with its 95% interval, the gate crossings behind it, and, in columns of its own, a
 * labelled projection of what {@code mpk} costs: the estimate without PKU, a check of that
 * estimate beside the measured {@code mpk} run where PKU exists.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reproduce the paper's macrobenchmark overhead (vanilla vs isolated build, same run).")
final class ReproduceCommand implements Callable<Integer> {

    @Option(names = "--backend", paramLabel = "mpk|mprotect|mpk-dry",
            description = "the isolated build's backend (default: mpk where PKU exists, else mprotect)")
    String backend;

    @Option(names = "--benchmarks", split = ",", paramLabel = "a,b", description = "only these (default: all ten)")
    List<String> benchmarks;

    @Option(names = "--pairs", description = "pairs of fresh JVMs (one per build) per benchmark, in ABBA order (default ${DEFAULT-VALUE})")
    int pairs = 15;

    @Option(names = "--warmup", description = "unmeasured runs per fork (default ${DEFAULT-VALUE})")
    int warmups = 1;

    @Option(names = "--iterations", description = "measured runs per fork (default ${DEFAULT-VALUE})")
    int iterations = 1;

    @Option(names = "--margin", paramLabel = "PERCENT", description = "equivalence margin of the TOST verdicts, in percent (default ${DEFAULT-VALUE})")
    double marginPercent = 1.0;

    @Option(names = "--quick", description = "CI sizes, 2 pairs, no warm-up: a smoke run in minutes, not a measurement to quote")
    boolean quick;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--qemu", description = "functional reproduction inside the PKU guest: every benchmark on none and mpk must complete and verify; no timings are reported")
    boolean qemu;

    @Option(names = "--wrpkru-cycles", paramLabel = "LOW[:HIGH]",
            description = "WRPKRU cost assumed by the mpk projection (default ${DEFAULT-VALUE}, ERIM's range)")
    String wrpkruCycles = "11:260";

    @Option(names = "--out", paramLabel = "DIR", description = "where result files go (default: results/ of the project)")
    Path out;

    @Option(names = TimingGuard.OPTION, description = "inside the PKU guest only: run anyway, every time labelled an emulation artefact (results/emulated/)")
    boolean emulated;

    /** Round trips the gate cost probe times per trial: fewer for a smoke run, whose numbers are not quoted. */
    private static final long PROBE_ROUNDS = 20_000_000L;
    private static final long QUICK_PROBE_ROUNDS = 500_000L;

    @Override
    public Integer call() throws IOException {
        List<Benchmark> selected = selectBenchmarks();
        if (pairs < 1) {
            throw new UserError("reproduce: --pairs must be at least 1, got " + pairs);
        }
        if (iterations < 1) {
            throw new UserError("reproduce: --iterations must be at least 1, got " + iterations);
        }
        if (warmups < 0) {
            throw new UserError("reproduce: --warmup must be at least 0, got " + warmups);
        }
        if (!(marginPercent > 0 && marginPercent < 100)) {
            throw new UserError("reproduce: --margin wants a percentage between 0 and 100, got " + marginPercent);
        }
        if (qemu) {
            return functionalInGuest(selected);
        }
        Machine machine = Machine.current();
        Backend isolated = backend != null ? RunCommand.parseBackend(backend)
                : machine.pku().available() ? Backend.MPK : Backend.MPROTECT;
        if (isolated == Backend.NONE) {
            throw new UserError("reproduce: the isolated build cannot use backend none");
        }
        if (isolated == Backend.MPK && !machine.pku().available()) {
            throw new UserError("reproduce: backend mpk needs PKU, which this machine lacks; use --backend mprotect,"
                    + " or --qemu for a functional check under real MPK");
        }
        TimingGuard.check("reproduce", emulated, machine, "run ./mpk reproduce --qemu from the host for a functional check");
        int pairCount = quick ? Math.min(pairs, 2) : pairs;
        OverheadExperiment.Settings settings = new OverheadExperiment.Settings(isolated, pairCount, quick ? 0 : warmups,
                quick ? 1 : iterations, marginPercent / 100, quick, selected);
        Projection projection = projection();
        String command = TypedCommand.of(spec);
        java.util.Map<String, String> provenance = machine.provenance(isolated.cliName(), command);
        OverheadReport report = new OverheadReport(provenance, settings, projection);
        Path base = resultsDir().resolve("overhead-" + isolated.cliName() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        System.err.printf("mpk: reproduce: %d benchmarks x %d ABBA pairs (none vs %s); results -> %s.{csv,json}%n",
                selected.size(), pairCount, isolated.cliName(), base);
        List<BenchmarkResult> results = new OverheadExperiment(settings, ReproduceCommand::runFork, System.err)
                .run(partial -> write(report, base, partial, false));
        provenance.put("load_after", Machine.loadAverage());
        write(report, base, results, true);
        System.out.print(report.table(results));
        System.out.println("results: " + base + ".csv, " + base + ".json");
        return results.stream().allMatch(BenchmarkResult::verified) ? 0 : 1;
    }

    private List<Benchmark> selectBenchmarks() {
        if (benchmarks == null || benchmarks.isEmpty()) {
            return Benchmark.PAPER;
        }
        List<Benchmark> chosen = new ArrayList<>();
        for (String name : benchmarks) {
            chosen.add(Benchmark.named(name.trim()).orElseThrow(() -> new UserError("reproduce: unknown benchmark '" + name
                    + "'; the ten are " + String.join(",", Benchmark.PAPER.stream().map(Benchmark::program).toList()))));
        }
        return chosen;
    }

    private Projection projection() {
        double low;
        double high;
        try {
            String[] p = wrpkruCycles.split(":");
            low = Double.parseDouble(p[0]);
            high = p.length > 1 ? Double.parseDouble(p[1]) : low;
        } catch (NumberFormatException e) {
            throw new UserError("reproduce: --wrpkru-cycles wants LOW[:HIGH] in cycles, got '" + wrpkruCycles + "'");
        }
        if (low <= 0 || high < low) {
            throw new UserError("reproduce: --wrpkru-cycles wants 0 < LOW <= HIGH, got '" + wrpkruCycles + "'");
        }
        System.err.println("mpk: measuring the mpk-dry gate round trip for the projection...");
        Fate fate = Launch.toolChild(mpkernel.experiments.overhead.GateCostProbe.class.getName())
                .args(List.of(Long.toString(quick ? QUICK_PROBE_ROUNDS : PROBE_ROUNDS)))
                .timeout(Duration.ofMinutes(5)).run();
        double ns = fate.stdout().lines().filter(l -> l.startsWith("GATE-NS ")).mapToDouble(l -> Double.parseDouble(l.substring(8)))
                .findFirst().orElseThrow(() -> new IllegalStateException("gate cost probe failed: " + fate.stderr()));
        return new Projection(ns, low, high, Machine.cpuGhz());
    }

    /** One fork: a fresh kernel process that runs the program {@code warmups + measured} times. */
    static List<Iteration> runFork(Backend backend, int warmups, int measured, String program, List<String> args) {
        KernelOutcome o = KernelLaunch.of(backend, Launch.modulePath(), program, args).repeat(warmups, measured)
                .captureConsole().timeout(Duration.ofMinutes(20)).run();
        if (o.verdict() != KernelOutcome.Verdict.COMPLETED || o.reports().runs().size() != warmups + measured) {
            String why = switch (o.verdict()) {
                case PROTECTION_FAULT, CRASHED -> "the JVM crashed (" + o.fate().crash().map(c -> c.signal() + " " + c.siCodeName()).orElse("?") + ")";
                case TIMEOUT -> "timed out";
                default -> "exit status " + o.fate().exitCode() + ": " + lastLine(o.fate().stderr());
            };
            throw new OverheadExperiment.ForkFailedException(why);
        }
        List<Iteration> its = new ArrayList<>();
        for (KernelReport.Run r : o.reports().runs()) {
            if (r.status() != 0 && r.status() != 1) {
                throw new OverheadExperiment.ForkFailedException(program + " exited with status " + r.status()
                        + (r.termination().isEmpty() ? "" : " (" + r.termination() + ")"));
            }
            its.add(Iteration.of(r.warmup(), r.result(), r.status() == 0, r.syscalls(), r.unsafeCalls(), r.wallSeconds()));
        }
        return its;
    }

    private static String lastLine(String s) {
        List<String> lines = s.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }

    private int functionalInGuest(List<Benchmark> selected) {
        PkuGuest.unavailableReason().ifPresent(r -> {
            throw new UserError("reproduce: --qemu needs the PKU guest: " + r);
        });
        List<String> cmd = new ArrayList<>(List.of(PkuGuest.javaLauncher()));
        cmd.addAll(Launch.launcherJvmOptions());
        cmd.addAll(List.of("-p", Launch.modulePath(), "-m", "mpkernel.experiments/mpkernel.cli.Main", "reproduce-functional"));
        if (quick) {
            cmd.add("--quick");
        }
        cmd.addAll(List.of("--benchmarks", String.join(",", selected.stream().map(Benchmark::program).toList())));
        cmd.addAll(List.of("--out", ResultsDir.base(out).toAbsolutePath().toString()));
        try {
            Process p = PkuGuest.interactive(new ProcessBuilder(PkuGuest.wrap(cmd))).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private Path resultsDir() {
        return ResultsDir.of(out, quick, emulated);
    }

    private static void write(OverheadReport report, Path base, List<BenchmarkResult> results, boolean complete) {
        try {
            report.write(base, results, complete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + base, e);
        }
    }
}
