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

import mpkernel.experiments.sweep.JmhCrossingCosts;
import mpkernel.experiments.sweep.SweepExperiment;
import mpkernel.experiments.sweep.SweepPlan;
import mpkernel.experiments.sweep.SweepReport;
import mpkernel.experiments.sweep.SweepStep;
import mpkernel.isolation.Backend;
import mpkernel.isolation.fault.PkuGuest;
import mpkernel.results.BadResultFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mpk sweep}: the crossing-rate sweep. The {@code sweep} program does the same work
 * with a system call every K units, K from 200,000 down to 1; each backend runs against
 * {@code none} in ABBA pairs of fresh kernel processes; the report gives the slowdown at each
 * crossing rate and the cost of one crossing, held against the JMH round trip of the same commit.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Slowdown against crossing rate: the cost of one gate crossing in a running program, per backend.")
final class SweepCommand implements Callable<Integer> {

    @Option(names = "--backends", split = ",", paramLabel = "b,c",
            description = "isolated backends to sweep (default: mpk-dry and mprotect, and mpk where PKU exists)")
    List<String> backends;

    @Option(names = "--work", paramLabel = "spmv|triad", description = "the work between calls (default ${DEFAULT-VALUE})")
    String work = "spmv";

    @Option(names = "--call", paramLabel = "clock|write|malloc", description = "the system call every K units (default ${DEFAULT-VALUE})")
    String call = "clock";

    @Option(names = "--pairs", description = "ABBA pairs of forks per step (default ${DEFAULT-VALUE})")
    int pairs = 5;

    @Option(names = "--quick", description = "three steps, one pair, a tenth of the work: a smoke run, not a measurement")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/ of the project)")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!List.of("spmv", "triad").contains(work)) {
            throw new UserError("sweep: --work takes spmv or triad, got '" + work + "'");
        }
        if (!List.of("clock", "write", "malloc").contains(call)) {
            throw new UserError("sweep: --call takes clock, write or malloc, got '" + call + "'");
        }
        if (pairs < 1) {
            throw new UserError("sweep: --pairs must be at least 1, got " + pairs);
        }
        Machine machine = Machine.current();
        if (machine.insideQemu()) {
            throw new UserError("sweep: inside QEMU every time is an emulation artefact; run it on the host");
        }
        List<Backend> chosen = new ArrayList<>();
        if (backends == null) {
            chosen.addAll(BackendChoice.isolatedDefaults(machine));
        } else {
            for (String b : backends) {
                Backend x = BackendChoice.parse("sweep", b, machine);
                if (x == Backend.NONE) {
                    throw new UserError("sweep: none is the baseline every backend is swept against; name isolated backends");
                }
                chosen.add(x);
            }
        }
        SweepPlan plan = SweepPlan.of(chosen, work, call, pairs, quick);
        Path results = ResultsDir.base(out);
        Map<String, String> provenance = machine.provenance(String.join(",", chosen.stream().map(Backend::cliName).toList()),
                TypedCommand.of(spec));
        SweepReport report;
        try {
            report = new SweepReport(provenance, plan, JmhCrossingCosts.of(results, machine.commit()), 0.01);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bench results in " + results, e);
        } catch (BadResultFile e) {
            throw new UserError("sweep: " + e.getMessage());
        }
        Path file = ResultsDir.of(out, quick).resolve("sweep-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        System.err.printf("mpk: sweep: %s against none, %d forks; results -> %s%n", String.join(", ", chosen.stream().map(Backend::cliName).toList()),
                plan.totalForks(), file);
        List<SweepStep> steps = new SweepExperiment(plan, ReproduceCommand::runFork, System.err).run(s -> write(report, file, s, false));
        provenance.put("load_after", Machine.loadAverage());
        write(report, file, steps, true);
        System.out.print(report.table(steps));
        System.out.println("results: " + file);
        return steps.stream().allMatch(SweepStep::verified) ? 0 : 1;
    }

    private static void write(SweepReport report, Path file, List<SweepStep> steps, boolean complete) {
        try {
            report.write(file, steps, complete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
