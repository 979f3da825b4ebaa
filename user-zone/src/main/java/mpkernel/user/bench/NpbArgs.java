package mpkernel.user.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line every NPB port accepts: {@code [--class S|W|A]} (also {@code --class=S}),
 * default class S. The NPB problem classes are the only size knob, as in the original suite,
 * so that every run is one of the officially verified configurations.
 *
 * @param npbClass the problem class letter
 */
record NpbArgs(char npbClass) {

    /** The classes the ports carry reference values for. */
    static final String CLASSES = "SWA";

    /** Parses {@code args}; empty when an option or class is not understood. */
    static Optional<NpbArgs> parse(List<String> args) {
        char chosen = 'S';
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value;
            if (arg.equals("--class")) {
                if (i + 1 >= args.size()) {
                    return Optional.empty();
                }
                value = args.get(++i);
            } else if (arg.startsWith("--class=")) {
                value = arg.substring("--class=".length());
            } else {
                return Optional.empty();
            }
            String upper = value.toUpperCase(Locale.ROOT);
            if (upper.length() != 1 || CLASSES.indexOf(upper.charAt(0)) < 0) {
                return Optional.empty();
            }
            chosen = upper.charAt(0);
        }
        return Optional.of(new NpbArgs(chosen));
    }

    /** The one usage line for bad arguments. */
    static String usage(String program) {
        return "usage: " + program + " [--class S|W|A]  (NPB problem class, default S)\n";
    }
}
