package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import mpkernel.kernel.api.UserProgram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NPB ports (CG, EP, IS, MG) at class S through the test double: each verifies, writes its
 * report with a single system call ending in NPB's closing block and the MPK-RESULT line, fails
 * verification when its reference value is corrupted, and rejects bad arguments.
 */
class NpbProgramsTest {

    /**
     * One port.
     *
     * @param name the program's name, as in the MPK-RESULT line and the usage line
     * @param program the program with the official reference values
     * @param corrupted the program with one reference value off
     * @param benchmark NPB's name of the benchmark, as in "CG Benchmark Completed."
     */
    record Port(String name, Supplier<UserProgram> program, Supplier<UserProgram> corrupted, String benchmark) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Port> ports() {
        return List.of(
                new Port("npb-cg", NpbCg::new, () -> new NpbCg(p -> p.withZetaReference(p.zetaReference() * 1.001)), "CG"),
                new Port("npb-ep", NpbEp::new, () -> new NpbEp(p -> p.withSxReference(p.sxReference() * 1.001)), "EP"),
                new Port("npb-is", NpbIs::new, () -> new NpbIs(p -> p.withTestRank(0, p.testRank()[0] + 1)), "IS"),
                new Port("npb-mg", NpbMg::new, () -> new NpbMg(p -> p.withNormReference(p.normReference() * 1.001)), "MG"));
    }

    @ParameterizedTest
    @MethodSource("ports")
    void classSVerifies(Port port) {
        assertReport(port, port.program().get(), true, "--class", "S");
    }

    @ParameterizedTest
    @MethodSource("ports")
    void defaultIsClassS(Port port) {
        assertReport(port, port.program().get(), true);
    }

    @ParameterizedTest
    @MethodSource("ports")
    void corruptedReferenceFailsVerification(Port port) {
        assertReport(port, port.corrupted().get(), false, "--class", "S");
    }

    @ParameterizedTest
    @MethodSource("ports")
    void badArgumentsPrintUsage(Port port) {
        for (List<String> args : List.of(List.of("--class", "Z"), List.of("--bogus"))) {
            BenchRun run = BenchRun.of(port.program().get(), args.toArray(String[]::new));
            run.assertUsage(BenchRun.nameOf(port.program().get()));
            assertTrue(run.err().startsWith("usage: " + BenchRun.nameOf(port.program().get())), run.err());
        }
    }

    /** Runs {@code program}, one of {@code port}'s, in class S and checks its report, which must (or must not) verify. */
    private static void assertReport(Port port, UserProgram program, boolean verified, String... args) {
        BenchRun run = BenchRun.of(program, args);
        String out = run.out();
        assertEquals(1, run.writes(), "the report is written with a single system call");
        assertTrue(out.contains(" " + port.benchmark() + " Benchmark Completed."), out);
        assertTrue(out.contains(String.format(" %-16s= %24s%n", "Class", 'S')), out);
        assertTrue(out.contains(String.format(" %-16s= %24s%n", "Verification",
                verified ? "SUCCESSFUL" : "UNSUCCESSFUL")), out);
        run.assertResult(BenchRun.nameOf(port.program().get()), "S", verified);
    }
}
