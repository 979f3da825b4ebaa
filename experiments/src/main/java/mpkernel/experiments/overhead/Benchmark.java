package mpkernel.experiments.overhead;

import java.util.List;
import java.util.Optional;

/**
 * One of the paper's ten macrobenchmarks, as the user program that implements it and the
 * arguments of its reproduction size and of its CI size.
 *
 * @param program the user program's name
 * @param defaultArgs arguments of the reproduction run: 0.6 to 1.7 s of timed section on the
 *     development machine (2-core Xeon VM), so that 15 ABBA pairs of all ten fit in 30 minutes
 * @param quickArgs arguments of {@code --quick} (well under a second)
 */
public record Benchmark(String program, List<String> defaultArgs, List<String> quickArgs) {

    /** The paper's ten, in its figure's order. */
    public static final List<Benchmark> PAPER = List.of(
            new Benchmark("npb-cg", List.of("--class", "A"), List.of("--class", "S")),
            new Benchmark("npb-is", List.of("--class", "A"), List.of("--class", "S")),
            new Benchmark("npb-ep", List.of("--class", "W"), List.of("--class", "S")),
            new Benchmark("npb-mg", List.of("--class", "A"), List.of("--class", "S")),
            new Benchmark("phoenix-kmeans", List.of("--points", "20000"), List.of("--size", "small")),
            new Benchmark("phoenix-pca", List.of("--rows", "1200", "--cols", "1200"), List.of("--size", "small")),
            new Benchmark("whetstone", List.of("--iterations", "100"), List.of("--size", "small")),
            new Benchmark("dhrystone", List.of("--runs", "16000000"), List.of("--size", "small")),
            new Benchmark("livermore", List.of("--samples", "175"), List.of("--size", "small")),
            new Benchmark("linpack", List.of("--n", "2000"), List.of("--size", "small")));

    /** The benchmark named {@code program}. */
    public static Optional<Benchmark> named(String program) {
        return PAPER.stream().filter(b -> b.program().equals(program)).findFirst();
    }

    /** The arguments for a run of the given size. */
    public List<String> args(boolean quick) {
        return quick ? quickArgs : defaultArgs;
    }
}
