package mpkernel.cli;

import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A command line as the user typed it, for provenance: {@code ./mpk}, the command's name and its
 * arguments as given (quoted where the shell needs it), never a reconstruction from defaults.
 * What actually ran goes beside it as the effective settings.
 */
final class TypedCommand {

    private TypedCommand() {
    }

    /** The command line that reached {@code spec}, as typed: the top-level command's whole argument list. */
    static String of(CommandSpec spec) {
        return of(spec.root().name(), spec.root().commandLine().getParseResult().originalArgs());
    }

    /** {@code ./NAME ARGS}, each argument quoted if the shell would split or expand it. */
    static String of(String name, List<String> args) {
        String typed = args.stream().map(TypedCommand::quoted).collect(Collectors.joining(" "));
        return "./" + name + (typed.isEmpty() ? "" : " " + typed);
    }

    private static String quoted(String arg) {
        if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_./:=,@%+-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
