package mpkernel.user.bench;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;

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
@Program(name = Whetstone.NAME, description = "Whetstone (Curnow & Wichmann 1976), double precision, MWIPS")
public final class Whetstone extends BenchProgram<Whetstone.Params> {

    static final String NAME = "whetstone";

    private final UnaryOperator<WhetstoneRow[]> expectedHook;

    /** The program as the kernel runs it. */
    public Whetstone() {
        this(UnaryOperator.identity());
    }

    /** For tests: {@code expectedHook} may alter the reference rows before the comparison. */
    Whetstone(UnaryOperator<WhetstoneRow[]> expectedHook) {
        super(NAME, "[--size small|default|large] [--loops N] [--iterations N] [--warmup N]");
        this.expectedHook = expectedHook;
    }

    /** One run: {@code LOOP}, {@code II} timed and {@code warmup} untimed major loops, and the size label. */
    record Params(String label, long loop, long iterations, long warmup) {
    }

    @Override
    Params parse(List<String> args) {
        ClassicArgs parsed = ClassicArgs.parse(args, Set.of("loops", "iterations"), Set.of(ClassicArgs.WARMUP));
        return new Params(parsed.label(), parsed.knob("loops", 100, 1000, 1000), parsed.knob("iterations", 1, 200, 800),
                parsed.knob(ClassicArgs.WARMUP, 0, 10, 10));
    }

    @Override
    Result run(Sys sys, Params p, BenchMemory memory, BenchReport report) {
        long loop = p.loop();
        WhetstoneMemory globals = new WhetstoneMemory(memory.bytes(WhetstoneMemory.SIZE));
        report.add("%nC Converted Double Precision Whetstone Benchmark (Curnow & Wichmann 1976)%n")
                .add("Loops: %d, Iterations: %d (after %d untimed warm-up iterations)%n", loop, p.iterations(),
                        p.warmup());
        report.flush(sys);

        new WhetstoneModules(globals).run(loop, p.warmup());
        Stopwatch timed = Stopwatch.start(sys);
        new WhetstoneModules(globals).run(loop, p.iterations());
        double seconds = timed.lap();

        WhetstoneRow[] actual = new WhetstoneRow[WhetstoneLoops.MODULES.length];
        for (int r = 0; r < actual.length; r++) {
            actual[r] = globals.row(r);
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
        double mwips = seconds > 0 ? WhetstoneLoops.instructions(loop, p.iterations()) / seconds / 1e6 : 0.0;
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
        return new Result(p.label(), seconds, verified);
    }
}
