package mpkernel.user.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the classic benchmarks (Whetstone, Dhrystone, Livermore loops):
 * {@code --size small|default|large} and a few integer knobs ({@code --NAME N}) that override
 * what the size chose. A repeated flag counts with its last value. Every knob is checked while
 * parsing, so that a program rejects bad arguments in one place (exit status 2 with one usage
 * line, {@link BenchArgs#usage}).
 */
final class ClassicArgs {

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
     * @throws BenchArgs.Invalid for an unknown flag, a missing or out-of-range value, an unknown size
     */
    static ClassicArgs parse(List<String> args, Set<String> knobNames, Set<String> zeroKnobNames) {
        Set<String> flags = new HashSet<>(knobNames);
        flags.addAll(zeroKnobNames);
        flags.add("size");
        BenchArgs parsed = BenchArgs.parseLastWins(args, flags);
        Map<String, Long> knobs = new HashMap<>();
        for (String name : flags) {
            if (!name.equals("size") && parsed.has(name)) {
                knobs.put(name, parsed.number(name, 0, knobNames.contains(name) ? 1 : 0, Long.MAX_VALUE));
            }
        }
        return new ClassicArgs(parsed.size(), knobs);
    }

    /** The knob's value if given, else the one of {@code small}, {@code normal} and {@code large} the size picks. */
    long knob(String name, long small, long normal, long large) {
        return knobs.getOrDefault(name, BenchArgs.bySize(size, small, normal, large));
    }

    /**
     * The label for the result line: the size name, or {@code custom} when a knob that changes
     * the timed work overrode it (a warm-up knob does not).
     */
    String label() {
        return knobs.keySet().stream().allMatch(WARMUP::equals) ? size : "custom";
    }
}
