package mpkernel.user.bench;

import java.util.List;

import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * The {@code main} every benchmark program shares, so that a program's class holds only its
 * parameters ({@link #parse}), its algorithm and its verification and report lines ({@link #run}).
 *
 * <p>Why in one place: the experiment driver relies on the same contract from every benchmark. A
 * command line the program does not accept ends with exit status 2 and exactly one line on
 * standard error, never a stack trace. A run ends with its report, whose last line is the
 * {@code MPK-RESULT} line ({@link BenchReport#finish}), and with exit status 0 if the result
 * verified, else 1. All the run's memory is freed however the run ends.
 *
 * <p>A subclass still carries its own {@code @Program} annotation and a public constructor
 * without arguments: the kernel reads the annotation from the class file of the program class
 * itself and constructs that class.
 *
 * @param <P> the parameters of one run, as read from the command line
 */
abstract class BenchProgram<P> implements UserProgram {

    /**
     * What the {@code MPK-RESULT} line reports about a run.
     *
     * @param size the size label: a named size, or one that spells out custom parameters
     * @param seconds the duration of the timed section
     * @param verified whether the result passed the program's own check
     */
    record Result(String size, double seconds, boolean verified) {
    }

    private final String name;
    private final String options;

    /**
     * @param name the program's name, as in its {@code @Program} annotation
     * @param options its options as the usage line shows them, e.g. {@code [--n N] [--seed S]}
     */
    BenchProgram(String name, String options) {
        this.name = name;
        this.options = options;
    }

    /**
     * Reads one run's parameters from {@code args} (without the program name).
     *
     * @throws BenchArgs.Invalid for anything the program does not accept
     */
    abstract P parse(List<String> args);

    /**
     * Runs the benchmark. Its arrays come from {@code memory}, which is freed after the run; its
     * report goes to {@code report}, which is written after the run, ending in the line that the
     * returned result describes. A program may {@link BenchReport#flush} a header before its timed
     * section, but should not write in between: every write crosses the user-kernel gate.
     */
    abstract Result run(Sys sys, P params, BenchMemory memory, BenchReport report);

    /** The line written to standard error when {@link #parse} refused the command line. */
    String usage(BenchArgs.Invalid problem) {
        return BenchArgs.usage(name, options, problem);
    }

    /** The program's name. */
    final String name() {
        return name;
    }

    @Override
    public final int main(Sys sys, List<String> args) {
        P params;
        try {
            params = parse(args);
        } catch (BenchArgs.Invalid problem) {
            sys.write(Sys.STDERR, usage(problem));
            return 2;
        }
        BenchReport report = new BenchReport();
        try (BenchMemory memory = new BenchMemory(sys)) {
            Result result = run(sys, params, memory, report);
            return report.finish(sys, name, result.size(), result.seconds(), result.verified());
        }
    }
}
