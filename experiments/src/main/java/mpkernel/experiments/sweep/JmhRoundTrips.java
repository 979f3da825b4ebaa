package mpkernel.experiments.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import mpkernel.results.BadResultFile;
import mpkernel.results.BenchFile;
import mpkernel.results.JmhResult;

/**
 * The JMH gate round trips ({@code GateBench.roundTrip}) of one commit, from the newest
 * {@code bench-*.json} in a results folder whose provenance names that commit: what a sweep's
 * cost per crossing is held against.
 *
 * @param file the bench file read
 * @param nanos per backend, the round trip in nanoseconds
 * @param errors per backend, JMH's 99.9% half-width
 */
public record JmhRoundTrips(Path file, Map<String, Double> nanos, Map<String, Double> errors) {

    /**
     * The round trips of {@code commit} in {@code results}, if a bench run of that commit is there.
     *
     * @throws BadResultFile when a bench file newer than the one found cannot be read
     */
    public static Optional<JmhRoundTrips> of(Path results, String commit) throws IOException, BadResultFile {
        if (!Files.isDirectory(results)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(results)) {
            files = s.filter(p -> p.getFileName().toString().matches("bench-\\d{8}-\\d{6}\\.json")).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path f : files) {
            BenchFile bench = BenchFile.read(f);
            if (!bench.provenance().find("commit").orElse("").equals(commit)) {
                continue;
            }
            Map<String, Double> nanos = new HashMap<>();
            Map<String, Double> errors = new HashMap<>();
            for (JmhResult r : bench.results()) {
                if (r.shortName().equals("GateBench.roundTrip") && r.backend() != null) {
                    JmhResult ns = r.inNanos();
                    nanos.put(r.backend(), ns.score());
                    errors.put(r.backend(), ns.error());
                }
            }
            return Optional.of(new JmhRoundTrips(f, nanos, errors));
        }
        return Optional.empty();
    }
}
