package mpkernel.user.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import mpkernel.kernel.api.Sys;

/**
 * The command line every NPB port accepts: {@code [--class S|W|A]} (also {@code --class=S}),
 * default class S, and the {@code main} the ports share. The NPB problem classes are the only
 * size knob, as in the original suite, so that every run is one of the officially verified
 * configurations.
 *
 * @param npbClass the problem class letter
 */
record NpbArgs(char npbClass) {

    /** The classes the ports carry reference values for. */
    static final String CLASSES = "SWA";

    /** One NPB port's run once its command line is accepted; returns the exit status. */
    interface Body {
        int run(char npbClass, NpbMemory memory);
    }

    /**
     * Parses {@code args}; empty when an option or class is not understood. The class letter is
     * case-insensitive; a repeated {@code --class} counts with its last value.
     */
    static Optional<NpbArgs> parse(List<String> args) {
        String value;
        try {
            value = BenchArgs.parseLastWins(args, Set.of("class")).word("class", "S").toUpperCase(Locale.ROOT);
        } catch (BenchArgs.Invalid e) {
            return Optional.empty();
        }
        if (value.length() != 1 || CLASSES.indexOf(value.charAt(0)) < 0) {
            return Optional.empty();
        }
        return Optional.of(new NpbArgs(value.charAt(0)));
    }

    /** The one usage line for bad arguments. */
    static String usage(String program) {
        return "usage: " + program + " [--class S|W|A]  (NPB problem class, default S)\n";
    }

    /**
     * The {@code main} of an NPB port: on bad {@code args} writes the usage line to standard
     * error and returns 2; otherwise runs {@code body} with the chosen class and a fresh
     * {@link NpbMemory}, freed however the body ends.
     */
    static int main(Sys sys, List<String> args, String program, Body body) {
        Optional<NpbArgs> parsed = parse(args);
        if (parsed.isEmpty()) {
            sys.write(Sys.STDERR, usage(program));
            return 2;
        }
        try (NpbMemory memory = new NpbMemory(sys)) {
            return body.run(parsed.get().npbClass(), memory);
        }
    }
}
