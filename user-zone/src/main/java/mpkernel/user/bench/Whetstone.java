package mpkernel.user.bench;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * The Whetstone benchmark as a user program: H. J. Curnow and B. A. Wichmann, "A synthetic
 * benchmark", The Computer Journal 19(1):43&ndash;49, 1976, in its double-precision FORTRAN form
 * (modules N1..N11, module 5 absent, N1 and N10 with count 0, loop counts
 * {@code 12, 14, 345, 210, 32, 899, 616, 93} times {@code LOOP}; {@code II} major loops). One major
 * loop with {@code LOOP = 10} counts as one million Whetstone instructions; the report gives MWIPS
 * = {@code LOOP * II / (10 * seconds)} and the module printout of the last major loop.
 *
 * <p>The global variables and the array {@code E1} live in {@code malloc}'d user memory
 * ({@link WhetstoneMemory}), so every access the program text makes to them is a load or store of
 * user memory. Verification ({@link WhetstoneCheck}) compares the printout bit for bit with an
 * independent computation on Java locals ({@link WhetstoneReference}) and with hand-derived
 * values; a mismatch makes the program return 1.
 *
 * <p>Options: {@code --size small|default|large} (LOOP 100/1000/1000 and II 1/200/800;
 * the default runs about 3 s on a 2-core 2.x GHz Xeon), {@code --loops N} (LOOP),
 * {@code --iterations N} (II), {@code --warmup N}: major loops run untimed before the timed ones
 * so that the JIT has compiled the modules (default 0 at {@code small}, else 10; every major loop
 * starts each module afresh, so the warm-up does not change the printout).
 */
@Program(name = "whetstone", description = "Whetstone (Curnow & Wichmann 1976), double precision, MWIPS")
public final class Whetstone implements UserProgram {

    private static final String NAME = "whetstone";
    private static final String USAGE = "[--size small|default|large] [--loops N] [--iterations N] [--warmup N]";

    private final UnaryOperator<WhetstoneRow[]> expectedHook;

    /** The program as the kernel runs it. */
    public Whetstone() {
        this(UnaryOperator.identity());
    }

    /** For tests: {@code expectedHook} may alter the reference rows before the comparison. */
    Whetstone(UnaryOperator<WhetstoneRow[]> expectedHook) {
        this.expectedHook = expectedHook;
    }

    @Override
    public int main(Sys sys, List<String> args) {
        ClassicArgs parsed;
        try {
            parsed = ClassicArgs.parse(args, Set.of("loops", "iterations"), Set.of(ClassicArgs.WARMUP));
        } catch (BenchArgs.Invalid e) {
            return BenchArgs.usage(sys, NAME, USAGE, e);
        }
        long loop = parsed.knob("loops", switch (parsed.size()) {
            case "small" -> 100;
            default -> 1000;
        });
        long iterations = parsed.knob("iterations", switch (parsed.size()) {
            case "small" -> 1;
            case "large" -> 800;
            default -> 200;
        });
        long warmup = parsed.knob(ClassicArgs.WARMUP, parsed.size().equals("small") ? 0 : 10);

        MemorySegment block = sys.malloc(WhetstoneMemory.SIZE);
        try {
            WhetstoneMemory memory = new WhetstoneMemory(block);
            BenchReport report = new BenchReport();
            report.add("%nC Converted Double Precision Whetstone Benchmark (Curnow & Wichmann 1976)%n")
                    .add("Loops: %d, Iterations: %d (after %d untimed warm-up iterations)%n", loop, iterations, warmup);
            report.flush(sys);

            new WhetstoneModules(memory).run(loop, warmup);
            long start = sys.clockGettime(Sys.CLOCK_MONOTONIC);
            new WhetstoneModules(memory).run(loop, iterations);
            long end = sys.clockGettime(Sys.CLOCK_MONOTONIC);
            double seconds = BenchReport.seconds(start, end);

            WhetstoneRow[] actual = new WhetstoneRow[WhetstoneLoops.MODULES.length];
            for (int r = 0; r < actual.length; r++) {
                actual[r] = memory.row(r);
            }
            WhetstoneRow[] expected = expectedHook.apply(WhetstoneReference.compute(loop));
            List<String> problems = WhetstoneCheck.problems(loop, actual, expected);
            boolean verified = problems.isEmpty();

            report.add("%nModule printout of the last major loop:%n")
                    .add("%-4s %9s %7s %7s %24s %24s %24s %24s%n", "", "N", "J", "K", "X1", "X2", "X3", "X4");
            for (int r = 0; r < actual.length; r++) {
                WhetstoneRow row = actual[r];
                report.add("%-4s %9d %7d %7d %24.17e %24.17e %24.17e %24.17e%n", WhetstoneLoops.NAMES[r],
                        row.n(), row.j(), row.k(), row.x1(), row.x2(), row.x3(), row.x4());
            }
            double mwips = seconds > 0 ? WhetstoneLoops.instructions(loop, iterations) / seconds / 1e6 : 0.0;
            report.add("%nDuration: %.6f sec.%n", seconds)
                    .add("C Converted Double Precision Whetstones: %.1f MIPS (MWIPS)%n", mwips);
            if (verified) {
                report.add("Verification: SUCCESSFUL (every module equals the reference run and the derived values)%n");
            } else {
                report.add("Verification: FAILED%n");
                for (String problem : problems) {
                    report.add("  %s%n", problem);
                }
            }
            return report.finish(sys, NAME, parsed.label(), seconds, verified);
        } finally {
            sys.free(block);
        }
    }
}
