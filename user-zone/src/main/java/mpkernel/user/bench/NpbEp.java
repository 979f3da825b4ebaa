package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;
import java.util.function.UnaryOperator;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;

/**
 * NPB EP ("embarrassingly parallel"), serial: generates 2^(M+1) uniform deviates with the NPB
 * generator, turns the pairs that fall inside the unit disc into independent Gaussian pairs by the
 * Marsaglia polar method, and tallies their sums and the square annuli {@code l <= max(|X|,|Y|) < l+1}.
 * It measures floating-point throughput (log, sqrt) with almost no memory traffic, which makes it
 * the control case for isolation overhead: nearly no system calls in the timed section.
 *
 * <p>Specification: D. Bailey et al., "The NAS Parallel Benchmarks", RNR-94-007 (1994), section
 * 2.2 "Embarrassingly Parallel" and NAS-95-020 (NPB 2); the deviates are produced in batches of
 * 2^17, batch k starting from seed {@code s * a^(2^17 k)}, as in NPB 3.x, so any batch can be
 * computed independently. Seed s = 271828183, a = 5^13.
 *
 * <p>Verification: relative error of both sums at most 1e-8 against the class's reference sums (the
 * NPB criterion), and additionally the number of accepted pairs and, where published, every annulus
 * count must match exactly.
 */
@Program(name = NpbEp.NAME, description = "NPB 3.x EP: Gaussian deviates by the polar method (--class S|W|A)")
public final class NpbEp extends NpbProgram<NpbEpParams> {

    static final String NAME = "npb-ep";

    private static final int MK = 16;
    private static final int NK = 1 << MK;
    private static final int NQ = 10;
    private static final long SEED = 271828183L;
    private static final double EPSILON = 1.0e-8;

    /** The program with the official reference values. */
    public NpbEp() {
        this(UnaryOperator.identity());
    }

    /** Test hook: {@code tweak} may replace the class's reference values. */
    NpbEp(UnaryOperator<NpbEpParams> tweak) {
        super(NAME, NpbEpParams::forClass, tweak);
    }

    @Override
    Result run(Sys sys, NpbEpParams p, BenchMemory memory, BenchReport report) {
        MemorySegment x = memory.doubles(2L * NK);
        MemorySegment q = memory.zeroedDoubles(NQ);
        int batches = 1 << (p.m() - MK);

        Stopwatch timed = Stopwatch.start(sys);
        // an = a^(2^(MK+1)): the multiplier that skips one batch of 2*NK deviates.
        long an = NpbRandom.A;
        for (int i = 0; i <= MK; i++) {
            an = NpbRandom.multiply(an, an);
        }
        double sx = 0.0;
        double sy = 0.0;
        for (int k = 0; k < batches; k++) {
            NpbRandom.fill(x, 0, 2 * NK, batchSeed(an, k), NpbRandom.A);
            for (int i = 0; i < NK; i++) {
                double x1 = 2.0 * x.getAtIndex(JAVA_DOUBLE, 2L * i) - 1.0;
                double x2 = 2.0 * x.getAtIndex(JAVA_DOUBLE, 2L * i + 1) - 1.0;
                double t1 = x1 * x1 + x2 * x2;
                if (t1 <= 1.0) {
                    double t2 = Math.sqrt(-2.0 * Math.log(t1) / t1);
                    double t3 = x1 * t2;
                    double t4 = x2 * t2;
                    int l = (int) Math.max(Math.abs(t3), Math.abs(t4));
                    q.setAtIndex(JAVA_DOUBLE, l, q.getAtIndex(JAVA_DOUBLE, l) + 1.0);
                    sx += t3;
                    sy += t4;
                }
            }
        }
        double pairs = 0.0;
        for (int l = 0; l < NQ; l++) {
            pairs += q.getAtIndex(JAVA_DOUBLE, l);
        }
        double seconds = timed.lap();

        boolean verified = verify(p, sx, sy, pairs, q);
        long size = 1L << (p.m() + 1);
        report.add("%n%n NAS Parallel Benchmarks (NPB3.3-SER, mpkernel) - EP Benchmark%n%n");
        report.add(" Number of random numbers generated: %15d%n%n", size);
        report.add("EP Benchmark Results:%n%n");
        report.add("CPU Time =%10.4f%n", seconds);
        report.add("N = 2^%5d%n", p.m());
        report.add("No. Gaussian Pairs = %15.0f%n", pairs);
        report.add("Sums = %25.15e %25.15e%n", sx, sy);
        report.add("Counts:%n");
        for (int l = 0; l < NQ; l++) {
            report.add("%3d%15.0f%n", l, q.getAtIndex(JAVA_DOUBLE, l));
        }
        return NpbReport.completed(report, "EP", p.npbClass(), Long.toString(size), 0, seconds,
                NpbReport.mops(Math.pow(2.0, p.m() + 1), seconds), "Random numbers generated", verified);
    }

    /** The seed of batch {@code k}: {@code s * an^k mod 2^46}, by binary powering of {@code an}. */
    private static long batchSeed(long an, int k) {
        long seed = SEED;
        long square = an;
        for (int kk = k; kk != 0; kk >>= 1) {
            if ((kk & 1) != 0) {
                seed = NpbRandom.multiply(square, seed);
            }
            square = NpbRandom.multiply(square, square);
        }
        return seed;
    }

    private static boolean verify(NpbEpParams p, double sx, double sy, double pairs, MemorySegment q) {
        double sxError = Math.abs((sx - p.sxReference()) / p.sxReference());
        double syError = Math.abs((sy - p.syReference()) / p.syReference());
        boolean ok = sxError <= EPSILON && syError <= EPSILON && pairs == p.pairsReference();
        if (p.countsReference() != null) {
            for (int l = 0; l < NQ; l++) {
                ok &= q.getAtIndex(JAVA_DOUBLE, l) == p.countsReference()[l];
            }
        }
        return ok;
    }
}
