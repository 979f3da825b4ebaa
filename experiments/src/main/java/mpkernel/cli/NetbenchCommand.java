package mpkernel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import mpkernel.experiments.launch.NetNamespace;
import mpkernel.experiments.net.NetbenchExperiment;
import mpkernel.experiments.net.NetbenchPlan;
import mpkernel.experiments.net.NetbenchReport;
import mpkernel.experiments.net.NetbenchResult;
import mpkernel.isolation.Backend;
import mpkernel.kernel.boot.ProgramCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mpk netbench}: the kernel's network under load on every backend that works here,
 * beside Linux's own stack: TCP stream throughput by message size, {@code redis-benchmark}
 * against {@code kv-server}, {@code wrk} against {@code http-server}, in repetitions of rotated
 * order; the result file is rewritten atomically after every part, so Ctrl-C keeps what
 * finished, and the namespaces made for the run are deleted on the way out.
 */
@Command(name = "netbench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Network benchmark: TCP stream throughput by message size (1 B to 64 KiB) against the kernel's discard sink and"
                + " against Linux over a veth pair, redis-benchmark against kv-server, wrk against http-server, per backend;"
                + " slowdowns against none with 95%% CIs, gate crossings per request and per MB. Needs root (network namespaces)."})
final class NetbenchCommand implements Callable<Integer> {

    @Option(names = "--backends", split = ",", paramLabel = "a,b",
            description = "backends to run; none, the baseline, is always run (default: none, mpk-dry, mprotect, and mpk where PKU exists)")
    List<String> backends;

    @Option(names = "--reps", paramLabel = "N", description = "repetitions, each in a rotated order (default 3; 2 with --quick)")
    Integer reps;

    @Option(names = "--quick", description = "three message sizes, short runs, two repetitions: a smoke run, not a measurement (results/quick/)")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/ of the project)")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (reps != null && reps < 1) {
            throw new UserError("netbench: --reps must be at least 1, got " + reps);
        }
        Machine machine = Machine.current();
        List<Backend> chosen = chosen(machine);
        if (machine.insideQemu()) {
            throw new UserError("netbench: inside QEMU every time is an emulation artefact; run it on the host");
        }
        NetNamespace.unavailableReason().ifPresent(r -> {
            throw new UserError("netbench: " + r.replace("; use --net loop", "") + " (the benchmark runs every server with --net tap)");
        });
        ProgramCatalog catalog = RunCommand.catalog();
        if (catalog.find("tcp-discard").isEmpty()) {
            throw new UserError("netbench: the kernel has no tcp-discard program; rebuild (./mpk build)");
        }
        NetbenchExperiment.Availability available = new NetbenchExperiment.Availability(catalog.find("kv-server").isPresent(),
                catalog.find("http-server").isPresent(), Tools.installed("redis-benchmark"), Tools.installed("wrk"));
        NetbenchPlan plan = NetbenchPlan.of(chosen, reps == null ? 0 : reps, quick);
        Map<String, String> provenance = machine.provenance(String.join(",", chosen.stream().map(Backend::cliName).toList()) + ",linux",
                TypedCommand.of(spec));
        NetbenchReport report = new NetbenchReport(provenance);
        Path file = ResultsDir.of(out, quick).resolve("netbench-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        System.err.printf("mpk: netbench: %s and linux, %d repetition(s)%s; results -> %s%n",
                String.join(", ", chosen.stream().map(Backend::cliName).toList()), plan.reps(), quick ? " (quick: a smoke run)" : "", file);
        available.skipped().forEach(s -> System.err.println("mpk: netbench: skipped: " + s));
        NetbenchResult result = new NetbenchExperiment(plan, Launch.modulePath(), available, System.err).run(r -> write(report, file, r));
        provenance.put("load_after", Machine.loadAverage());
        write(report, file, result);
        System.out.print(report.table(result));
        System.out.println("results: " + file);
        return result.failures().isEmpty() ? 0 : 1;
    }

    /** The backends to run, none first; the default is every one that works here. */
    private List<Backend> chosen(Machine machine) {
        List<Backend> chosen = new ArrayList<>(List.of(Backend.NONE));
        if (backends == null) {
            chosen.addAll(BackendChoice.isolatedDefaults(machine));
            return chosen;
        }
        for (String b : backends) {
            Backend x = BackendChoice.parse("netbench", b.strip(), machine);
            if (!chosen.contains(x)) {
                chosen.add(x);
            }
        }
        return chosen;
    }

    private static void write(NetbenchReport report, Path file, NetbenchResult r) {
        try {
            report.write(file, r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The Linux tools on the {@code PATH}. */
    static final class Tools {

        private Tools() {
        }

        static boolean installed(String tool) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                if (!dir.isEmpty() && java.nio.file.Files.isExecutable(Path.of(dir, tool))) {
                    return true;
                }
            }
            return false;
        }
    }
}
