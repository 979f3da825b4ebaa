package mpkernel.user.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the classic benchmarks (Whetstone, Dhrystone, Livermore loops):
 * {@code --size small|default|large} and a few integer knobs ({@code --NAME N}) that override
 * what the size chose. Parsing is separate from the programs so that every classic port
 * rejects bad arguments the same way (exit status 2 with one usage line).
 */
final class ClassicArgs {

    /** The named sizes every classic benchmark offers. */
    static final Set<String> SIZES = Set.of("small", "default", "large");

    /** The name of the untimed warm-up knob every classic benchmark has. */
    static final String WARMUP = "warmup";

    private final String size;
    private final Map<String, Long> knobs;

    private ClassicArgs(String size, Map<String, Long> knobs) {
        this.size = size;
        this.knobs = knobs;
    }

    /**
     * Parses {@code args}, accepting {@code --size}, the knobs {@code knobNames} (without dashes),
     * which take positive integers, and the knobs {@code zeroKnobNames}, which also accept 0 (such
     * as a warm-up that can be switched off). {@code --name value} and {@code --name=value} both work.
     *
     * @throws ClassicUsageException for an unknown flag, a missing or out-of-range value, an unknown size
     */
    static ClassicArgs parse(List<String> args, Set<String> knobNames, Set<String> zeroKnobNames) {
        String size = "default";
        Map<String, Long> knobs = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (!flag.startsWith("--")) {
                throw new ClassicUsageException("unexpected argument '" + flag + "'");
            }
            String name = flag.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.size()) {
                    throw new ClassicUsageException("missing value for " + flag);
                }
                value = args.get(++i);
            }
            if (name.equals("size")) {
                if (!SIZES.contains(value)) {
                    throw new ClassicUsageException("unknown size '" + value + "'");
                }
                size = value;
            } else if (knobNames.contains(name)) {
                knobs.put(name, number(name, value, 1));
            } else if (zeroKnobNames.contains(name)) {
                knobs.put(name, number(name, value, 0));
            } else {
                throw new ClassicUsageException("unknown option --" + name);
            }
        }
        return new ClassicArgs(size, knobs);
    }

    private static long number(String name, String value, long least) {
        String wanted = least > 0 ? "a positive integer" : "a non-negative integer";
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ClassicUsageException("--" + name + " needs " + wanted + ", not '" + value + "'");
        }
        if (parsed < least) {
            throw new ClassicUsageException("--" + name + " needs " + wanted + ", not '" + value + "'");
        }
        return parsed;
    }

    /** The chosen named size ({@code default} if none was given). */
    String size() {
        return size;
    }

    /** The knob's value if given, else {@code fallback} (the size's choice). */
    long knob(String name, long fallback) {
        return knobs.getOrDefault(name, fallback);
    }

    /**
     * The label for the result line: the size name, or {@code custom} when a knob that changes
     * the timed work overrode it (a warm-up knob does not).
     */
    String label() {
        return knobs.keySet().stream().allMatch(WARMUP::equals) ? size : "custom";
    }

}
