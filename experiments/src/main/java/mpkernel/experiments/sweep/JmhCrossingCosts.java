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
 * What JMH measured of one crossing like the sweep's, per backend, from the newest
 * {@code bench-*.json} in a results folder whose provenance names the same commit: what a
 * sweep's cost per crossing is held against. The sweep's crossing is a system call, whose gate
 * also opens the safe kernel's memory (under {@code mprotect}, re-protecting every region of
 * it), so the match is the null system call's added time ({@code NullSyscallBench.getpid} on
 * the backend minus on {@code none}); where the bench file has none, the plain gate round trip
 * ({@code GateBench.roundTrip}).
 *
 * @param file the bench file read
 * @param nanos per backend, the JMH time in nanoseconds
 * @param errors per backend, JMH's 99.9% half-width
 * @param kinds per backend, what {@code nanos} is: {@link #SYSCALL} or {@link #ROUND_TRIP}
 */
public record JmhCrossingCosts(Path file, Map<String, Double> nanos, Map<String, Double> errors, Map<String, String> kinds) {

    /** {@code nanos} is the null system call's added time. */
    public static final String SYSCALL = "null system call";
    /** {@code nanos} is the gate round trip. */
    public static final String ROUND_TRIP = "round trip";

    /** Gate round trips only. */
    public JmhCrossingCosts(Path file, Map<String, Double> nanos, Map<String, Double> errors) {
        this(file, nanos, errors, Map.of());
    }

    /** What {@code nanos} holds for {@code backend}. */
    public String kind(String backend) {
        return kinds.getOrDefault(backend, ROUND_TRIP);
    }

    /**
     * The JMH crossing costs of {@code commit} in {@code results}, if a bench run of that commit is there.
     *
     * @throws BadResultFile when a bench file newer than the one found cannot be read
     */
    public static Optional<JmhCrossingCosts> of(Path results, String commit) throws IOException, BadResultFile {
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
            Map<String, String> kinds = new HashMap<>();
            Map<String, JmhResult> syscalls = new HashMap<>();
            for (JmhResult r : bench.results()) {
                if (r.backend() == null) {
                    continue;
                }
                if (r.shortName().equals("GateBench.roundTrip")) {
                    JmhResult ns = r.inNanos();
                    nanos.put(r.backend(), ns.score());
                    errors.put(r.backend(), ns.error());
                } else if (r.shortName().equals("NullSyscallBench.getpid")) {
                    syscalls.put(r.backend(), r.inNanos());
                }
            }
            JmhResult bare = syscalls.get("none");
            if (bare != null) {
                syscalls.forEach((backend, r) -> {
                    nanos.put(backend, r.score() - bare.score());
                    errors.put(backend, r.error() + bare.error());
                    kinds.put(backend, SYSCALL);
                });
            }
            return Optional.of(new JmhCrossingCosts(f, nanos, errors, kinds));
        }
        return Optional.empty();
    }
}
