package mpkernel.cli;

import java.io.PrintWriter;

import mpkernel.isolation.IsolationUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code ./mpk} for the commands implemented in Java. The launcher script
 * handles {@code test}, {@code build} and {@code qemu} itself.
 *
 * <p>Exit statuses: 0 success, 2 bad usage or a backend unavailable here, 1 anything else.
 * A user mistake gets one line on stderr, never a stack trace.
 */
@Command(name = "mpk", mixinStandardHelpOptions = true,
        description = "Intra-unikernel isolation with Intel MPK, on the JVM.",
        subcommands = {DoctorCommand.class, RunCommand.class, ReproduceCommand.class, SweepCommand.class, FunctionalCommand.class,
                FaultsCommand.class, FiguresCommand.class, BenchCommand.class, NetbenchCommand.class, BundleCommand.class})
public final class Main {

    /** Exit status for usage errors. */
    static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // Every command answers -V/--version with the same line, not only the top level.
        CommandLine.IVersionProvider version = () -> new String[] {
                "mpkernel 0.1.0, commit " + Machine.gitCommit() + ", JDK " + Runtime.version()};
        cli.getCommandSpec().versionProvider(version);
        cli.getSubcommands().values().forEach(c -> c.getCommandSpec().versionProvider(version));
        // Options the run command does not know belong to the program: ./mpk run npb-ep --class S
        cli.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("mpk: " + e.getMessage() + " (see ./" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, parseResult) -> {
            if (e instanceof UserError || e instanceof IsolationUnavailableException) {
                c.getErr().println("mpk: " + e.getMessage());
                return USAGE;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
