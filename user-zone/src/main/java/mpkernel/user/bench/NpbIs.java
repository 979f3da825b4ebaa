package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.util.function.UnaryOperator;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;

/**
 * NPB IS, serial: ranks a large sequence of integer keys ten times with a bucketed counting sort.
 * It stresses integer work and random memory access without floating point.
 *
 * <p>Specification: D. Bailey et al., "The NAS Parallel Benchmarks", RNR-94-007 (1994), section
 * 2.5 "Integer Sort", with the NPB 2/3 classes (NAS-95-020). Keys: {@code K[i] = floor(Bmax/4 *
 * (r1 + r2 + r3 + r4))} from four consecutive NPB deviates (seed 314159265, a = 5^13), giving an
 * approximately Gaussian key distribution. One untimed ranking (iteration 1) precedes the ten
 * timed iterations, as in NPB.
 *
 * <p>Verification (NPB): all 5 partial checks in each of the 10 timed iterations and the full
 * sortedness check pass, i.e. 51 checks.
 */
@Program(name = NpbIs.NAME, description = "NPB 3.x IS: integer key ranking by bucketed counting sort (--class S|W|A)")
public final class NpbIs extends NpbProgram<NpbIsParams> {

    static final String NAME = "npb-is";

    private static final long SEED = 314159265L;

    /** The program with the official reference values. */
    public NpbIs() {
        this(UnaryOperator.identity());
    }

    /** Test hook: {@code tweak} may replace the class's reference values. */
    NpbIs(UnaryOperator<NpbIsParams> tweak) {
        super(NAME, NpbIsParams::forClass, tweak);
    }

    @Override
    Result run(Sys sys, NpbIsParams p, BenchMemory memory, BenchReport report) {
        MemorySegment keys = memory.ints(p.totalKeys());
        generateKeys(p, keys);
        NpbIsRanker ranker = new NpbIsRanker(p, keys, memory);

        ranker.rank(1);
        ranker.resetPassed();
        Stopwatch timed = Stopwatch.start(sys);
        for (int iteration = 1; iteration <= NpbIsParams.ITERATIONS; iteration++) {
            ranker.rank(iteration);
        }
        double seconds = timed.lap();
        ranker.fullVerify();
        boolean verified = ranker.passed() == NpbIsParams.TEST_SIZE * NpbIsParams.ITERATIONS + 1;

        report.add("%n%n NAS Parallel Benchmarks (NPB3.3-SER, mpkernel) - IS Benchmark%n%n");
        report.add(" Size:  %d  (class %c)%n", p.totalKeys(), p.npbClass());
        report.add(" Iterations:   %d%n%n", NpbIsParams.ITERATIONS);
        report.add(" Checks passed: %d of %d%n", ranker.passed(),
                NpbIsParams.TEST_SIZE * NpbIsParams.ITERATIONS + 1);
        return NpbReport.completed(report, "IS", p.npbClass(), Integer.toString(p.totalKeys()), NpbIsParams.ITERATIONS,
                seconds, NpbReport.mops((double) NpbIsParams.ITERATIONS * p.totalKeys(), seconds), "keys ranked",
                verified);
    }

    /** NPB's create_seq: each key is {@code Bmax/4} times the sum of four consecutive deviates. */
    private static void generateKeys(NpbIsParams p, MemorySegment keys) {
        NpbRandom rng = new NpbRandom(SEED);
        int quarter = p.maxKey() / 4;
        for (int i = 0; i < p.totalKeys(); i++) {
            double x = rng.randlc(NpbRandom.A);
            x += rng.randlc(NpbRandom.A);
            x += rng.randlc(NpbRandom.A);
            x += rng.randlc(NpbRandom.A);
            keys.setAtIndex(JAVA_INT, i, (int) (quarter * x));
        }
    }
}
