package mpkernel.user.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line shared by the benchmark ports: {@code --flag value} (or {@code --flag=value})
 * pairs from a fixed set of flags, with typed accessors, and the one usage line for a bad one.
 *
 * <p>Why a class of its own: each program must turn every malformed argument into exit status 2
 * with one usage line on standard error, never a stack trace, so all parsing failures are
 * funnelled into one exception type, {@link Invalid}, that {@link BenchProgram} catches in one
 * place and turns into {@link #usage}.
 */
final class BenchArgs {

    /** A command line that does not fit the program; the message says what is wrong. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** The named sizes of the Phoenix ports, {@link Linpack} and the classic benchmarks. */
    static final Set<String> SIZES = Set.of("small", "default", "large");

    private final Map<String, String> values;

    private BenchArgs(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code args}; every flag must be one of {@code flags} (written without the dashes),
     * must carry a value, and may appear once.
     *
     * @throws Invalid for a stray word, an unknown or repeated flag, or a missing value
     */
    static BenchArgs parse(List<String> args, Set<String> flags) {
        return parse(args, flags, false);
    }

    /** As {@link #parse}, but a flag may be repeated and its last value counts. */
    static BenchArgs parseLastWins(List<String> args, Set<String> flags) {
        return parse(args, flags, true);
    }

    private static BenchArgs parse(List<String> args, Set<String> flags, boolean lastWins) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new Invalid("unexpected argument '" + arg + "'");
            }
            String flag;
            String value;
            int eq = arg.indexOf('=');
            if (eq >= 0) {
                flag = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                flag = arg.substring(2);
                if (i + 1 >= args.size()) {
                    throw new Invalid("--" + flag + " needs a value");
                }
                value = args.get(++i);
            }
            if (!flags.contains(flag)) {
                throw new Invalid("unknown option --" + flag);
            }
            if (values.put(flag, value) != null && !lastWins) {
                throw new Invalid("--" + flag + " given twice");
            }
        }
        return new BenchArgs(values);
    }

    /** Whether {@code flag} was given. */
    boolean has(String flag) {
        return values.containsKey(flag);
    }

    /** The value of {@code flag}, or {@code fallback} when it was not given. */
    String word(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    /** The value of {@code --size}, one of {@link #SIZES}; {@code default} when it was not given. */
    String size() {
        String size = word("size", "default");
        if (!SIZES.contains(size)) {
            throw new Invalid("unknown size '" + size + "'");
        }
        return size;
    }

    /** Which of {@code small}, {@code normal} and {@code large} the named size, one of {@link #SIZES}, picks. */
    static long bySize(String size, long small, long normal, long large) {
        return switch (size) {
            case "small" -> small;
            case "large" -> large;
            default -> normal;
        };
    }

    /** The integer value of {@code flag} in {@code [min, max]}, or {@code fallback} when it was not given. */
    long number(String flag, long fallback, long min, long max) {
        String text = values.get(flag);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Invalid("--" + flag + " expects an integer, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw new Invalid("--" + flag + (max == Long.MAX_VALUE ? " must be at least " + min
                    : " must be in [" + min + ", " + max + "]") + ", got " + value);
        }
        return value;
    }

    /**
     * The one line for a bad command line, {@code <program>: <problem>; usage: <program> <options>},
     * which {@link BenchProgram} writes to standard error before it returns exit status 2.
     */
    static String usage(String program, String options, Invalid problem) {
        return program + ": " + problem.getMessage() + "; usage: " + program + " " + options + "\n";
    }
}
