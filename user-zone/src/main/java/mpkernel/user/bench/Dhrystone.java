package mpkernel.user.bench;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;

/**
 * The Dhrystone benchmark as a user program: Dhrystone 2.1 (R. P. Weicker, "Dhrystone: a synthetic
 * systems programming benchmark", CACM 27(10), 1984, and "Dhrystone Benchmark: Rationale for
 * Version 2 and Measurement Rules", SIGPLAN Notices 23(8), 1988), written from the C version 2.1
 * program text ({@link DhryProcs}). The records ({@code Rec_Type}, fixed 56-byte layout), the
 * globals, the arrays and the {@code Str_30} strings are all in {@code malloc}'d user memory
 * ({@link DhryMemory}, {@link DhryLayout}).
 *
 * <p>The report follows the original: the final values of the variables with what they "should
 * be", microseconds per run, Dhrystones per second, and DMIPS (Dhrystones per second / 1757, the
 * VAX 11/780's score). Verification: every printed value must equal its "should be" value
 * ({@link DhryValues#expected}); otherwise the program returns 1.
 *
 * <p>Options: {@code --size small|default|large} (50,000 / 40,000,000 / 200,000,000 runs; the
 * default runs about 3 s on a 2-core 2.x GHz Xeon), {@code --runs N}, {@code --warmup N}: runs made
 * untimed beforehand on a separate copy of the data so that the JIT has compiled the program
 * (default 0 at {@code small}, else 3,000,000); the timed run starts from fresh data as the
 * original does, so its final values do not depend on the warm-up.
 */
@Program(name = Dhrystone.NAME, description = "Dhrystone 2.1 (Weicker 1988), Dhrystones per second and DMIPS")
public final class Dhrystone extends BenchProgram<Dhrystone.Params> {

    static final String NAME = "dhrystone";
    /** Dhrystones per second of the VAX 11/780, the 1 MIPS reference machine. */
    static final double VAX_DHRYSTONES = 1757.0;

    private final UnaryOperator<DhryValues> expectedHook;

    /** The program as the kernel runs it. */
    public Dhrystone() {
        this(UnaryOperator.identity());
    }

    /** For tests: {@code expectedHook} may alter the "should be" values before the comparison. */
    Dhrystone(UnaryOperator<DhryValues> expectedHook) {
        super(NAME, "[--size small|default|large] [--runs N] [--warmup N]");
        this.expectedHook = expectedHook;
    }

    /** One run: {@code runs} timed and {@code warmup} untimed runs through Dhrystone, and the size label. */
    record Params(String label, long runs, long warmup) {
    }

    @Override
    Params parse(List<String> args) {
        ClassicArgs parsed = ClassicArgs.parse(args, Set.of("runs"), Set.of(ClassicArgs.WARMUP));
        long runs = parsed.knob("runs", 50_000, 40_000_000, 200_000_000);
        if (runs > Integer.MAX_VALUE - 10) {
            throw new BenchArgs.Invalid("--runs must stay below 2^31 - 10 (Arr_2_Glob[8][7] is an int)");
        }
        return new Params(parsed.label(), runs, parsed.knob(ClassicArgs.WARMUP, 0, 3_000_000, 3_000_000));
    }

    @Override
    Result run(Sys sys, Params p, BenchMemory memory, BenchReport report) {
        long runs = p.runs();
        long warmup = p.warmup();
        report.add("%nDhrystone Benchmark, Version 2.1 (Language: Java, data in mpkernel user memory)%n%n")
                .add("Warm-up: %d untimed runs on a separate copy of the data%n", warmup)
                .add("Execution starts, %d runs through Dhrystone%n", runs);
        report.flush(sys);

        // Dhrystone's data is a DhryMemory of its own, not from memory: the program mallocs its records
        // itself, as the C original does, and the warm-up's copy must be gone before the timed run.
        if (warmup > 0) {
            try (DhryMemory scratch = new DhryMemory(sys)) {
                DhryProcs program = new DhryProcs(scratch);
                program.initialise();
                program.run(warmup);
            }
        }
        try (DhryMemory data = new DhryMemory(sys)) {
            DhryProcs program = new DhryProcs(data);
            program.initialise();
            Stopwatch timed = Stopwatch.start(sys);
            program.run(runs);
            double seconds = timed.lap();

            DhryValues actual = DhryValues.read(data);
            DhryValues expected = expectedHook.apply(DhryValues.expected(runs, data.nextPtrGlobAddress()));
            boolean verified = printValues(report, actual, expected);

            double perSecond = seconds > 0 ? runs / seconds : 0.0;
            report.add("Microseconds for one run through Dhrystone: %12.4f%n", seconds * 1e6 / runs)
                    .add("Dhrystones per Second:                      %12.0f%n", perSecond)
                    .add("DMIPS (Dhrystones per Second / %.0f):       %12.1f%n", VAX_DHRYSTONES,
                            perSecond / VAX_DHRYSTONES)
                    .add("Total seconds for %d runs through Dhrystone: %.6f%n", runs, seconds)
                    .add(verified ? "Verification: SUCCESSFUL (all final values as they should be)%n"
                            : "Verification: FAILED (see MISMATCH above)%n");
            return new Result(p.label(), seconds, verified);
        }
    }

    /** Prints the final values with their "should be" values; returns whether all match. */
    private static boolean printValues(BenchReport report, DhryValues actual, DhryValues expected) {
        report.add("Execution ends%n%nFinal values of the variables used in the benchmark:%n%n");
        List<String[]> got = actual.printed();
        List<String[]> want = expected.printed();
        boolean all = true;
        for (int i = 0; i < got.size(); i++) {
            boolean same = got.get(i)[1].equals(want.get(i)[1]);
            all &= same;
            report.add("%-26s %s%s%n", got.get(i)[0] + ":", got.get(i)[1], same ? "" : "   <-- MISMATCH")
                    .add("%-26s %s%n", "        should be:", want.get(i)[1]);
        }
        report.add("%n");
        return all;
    }
}
