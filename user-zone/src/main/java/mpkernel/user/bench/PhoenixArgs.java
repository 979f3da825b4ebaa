package mpkernel.user.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the Phoenix ports and of {@link Linpack}: {@code --flag value} (or
 * {@code --flag=value}) pairs from a fixed set of flags.
 *
 * <p>Why a class of its own: each program must turn every malformed argument into exit status 2
 * with one usage line, never a stack trace, so all parsing failures are funnelled into one
 * exception type, {@link Invalid}, that the program catches in one place.
 */
final class PhoenixArgs {

    /** A command line that does not fit the program; the message says what is wrong. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, String> values;

    private PhoenixArgs(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code args}; every flag must be one of {@code flags} (written without the dashes),
     * must carry a value, and may appear once.
     */
    static PhoenixArgs parse(List<String> args, Set<String> flags) {
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
            if (values.putIfAbsent(flag, value) != null) {
                throw new Invalid("--" + flag + " given twice");
            }
        }
        return new PhoenixArgs(values);
    }

    /** Whether {@code flag} was given. */
    boolean has(String flag) {
        return values.containsKey(flag);
    }

    /** The value of {@code flag}, or {@code fallback} when it was not given. */
    String word(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
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
            throw new Invalid("--" + flag + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }
}
