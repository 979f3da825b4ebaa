package mpkernel.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import mpkernel.results.BadResultFile;
import mpkernel.results.BenchFile;
import mpkernel.results.JmhResult;
import mpkernel.results.Provenance;

/**
 * The runs of {@code ./mpk bench}: {@code bench-<date>.json}, read by {@link BenchFile}, with
 * every score converted to nanoseconds per operation whatever mode and unit JMH reported it in.
 * Which entries mean what is {@link BenchMapping}'s business. A smoke run says {@code --quick}
 * in its provenance's command, or lies in {@code quick/}.
 */
final class BenchResults {

    /** One file: where it came from and every score in it, in ns/op. */
    record Run(ResultFile origin, List<JmhResult> scores) {

        Path file() {
            return origin.file();
        }

        Provenance provenance() {
            return origin.provenance();
        }

        /** The scores {@code wanted} accepts, in file order. */
        List<JmhResult> select(Predicate<JmhResult> wanted) {
            return scores.stream().filter(wanted).toList();
        }
    }

    private BenchResults() {
    }

    /**
     * The newest file that {@code results} admits (by its provenance date, then its name)
     * holding a score that {@code wanted} accepts. Figures take each their newest file, so a run
     * of some benchmarks only does not hide an older run of the others.
     */
    static Optional<Run> newestWith(ResultsFolder results, Predicate<JmhResult> wanted) throws BadResultFile {
        List<Run> runs = new ArrayList<>();
        for (Path file : results.list(n -> n.matches("bench-.*\\.json"))) {
            Run run = read(results, file);
            if (results.admits(run.origin()) && run.scores().stream().anyMatch(wanted)) {
                runs.add(run);
            }
        }
        return runs.stream().max(Comparator.comparing((Run r) -> r.provenance().instant()).thenComparing(r -> r.origin().shown()));
    }

    /** Reads one file, every score in nanoseconds per operation; anything malformed is a {@link BadResultFile} naming it. */
    static Run read(ResultsFolder results, Path file) throws BadResultFile {
        BenchFile bench = BenchFile.read(file);
        List<JmhResult> scores = bench.results().stream().map(JmhResult::inNanos).toList();
        return new Run(results.origin(file, bench.provenance(), bench.provenance().quickCommand()), scores);
    }
}
