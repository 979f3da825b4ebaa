package mpkernel.user.bench;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line every NPB port accepts: {@code [--class S|W|A]} (also {@code --class=S}),
 * default class S. The NPB problem classes are the only size knob, as in the original suite, so
 * that every run is one of the officially verified configurations.
 *
 * @param npbClass the problem class letter
 */
record NpbArgs(char npbClass) {

    /** The classes the ports carry reference values for. */
    static final String CLASSES = "SWA";

    /** The options as the usage line shows them. */
    static final String OPTIONS = "[--class S|W|A]  (NPB problem class, default S)";

    /**
     * Parses {@code args}. The class letter is case-insensitive; a repeated {@code --class}
     * counts with its last value.
     *
     * @throws BenchArgs.Invalid for an option other than {@code --class} or an unknown class
     */
    static NpbArgs parse(List<String> args) {
        String value = BenchArgs.parseLastWins(args, Set.of("class")).word("class", "S").toUpperCase(Locale.ROOT);
        if (value.length() != 1 || CLASSES.indexOf(value.charAt(0)) < 0) {
            throw new BenchArgs.Invalid("unknown class '" + value + "'");
        }
        return new NpbArgs(value.charAt(0));
    }
}
