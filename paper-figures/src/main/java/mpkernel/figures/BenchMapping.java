package mpkernel.figures;

import java.util.OptionalLong;

import mpkernel.results.JmhResult;

/**
 * Which JMH benchmarks of {@code ./mpk bench} the figures read, and how: the one place to change
 * when the benchmarks are renamed. Names are matched on their last two parts
 * ({@code Class.method}), so the package does not matter.
 *
 * <p>What the figures assume (the {@code benchmarks} module, package {@code mpkernel.bench}):
 * <ul>
 *   <li>{@code GateBench.roundTrip}, parameter {@code backend} ({@code none}, {@code mpk-dry},
 *       {@code mprotect}, and {@code mpk} where PKU exists): one gate round trip, enter and
 *       leave {@code UNSAFE_KERNEL} with an empty body;</li>
 *   <li>{@code GateBench.floor}, no parameters: two bare critical downcalls to a stub that does
 *       nothing, what an {@code mpk} round trip costs before any bookkeeping and before
 *       WRPKRU/LFENCE themselves;</li>
 *   <li>{@code WriteBytesBench.writeBytes}, parameters {@code backend} and {@code size} (bytes):
 *       one {@code write_bytes} of {@code size} bytes through the gate, the paper's
 *       microbenchmark; {@code none} is the vanilla build.</li>
 * </ul>
 * Scores are read as time per operation (JMH average-time mode); {@link BenchResults} converts
 * other units.
 */
final class BenchMapping {

    /** The command that produces bench results. */
    static final String COMMAND = "./mpk bench";

    private static final String ROUND_TRIP = "GateBench.roundTrip";
    private static final String FLOOR = "GateBench.floor";
    private static final String WRITE_BYTES = "WriteBytesBench.writeBytes";
    private static final String BACKEND = "backend";

    private BenchMapping() {
    }

    /** Whether {@code s} is a gate round trip on some backend. */
    static boolean isRoundTrip(JmhResult s) {
        return named(s, ROUND_TRIP) && s.param(BACKEND) != null;
    }

    /** Whether {@code s} is the floor of a gate round trip. */
    static boolean isFloor(JmhResult s) {
        return named(s, FLOOR);
    }

    /** Whether {@code s} is one {@code write_bytes} size on some backend. */
    static boolean isWriteBytes(JmhResult s) {
        return named(s, WRITE_BYTES) && s.param(BACKEND) != null && size(s).isPresent();
    }

    /** The backend {@code s} ran on (round trips and write_bytes). */
    static String backend(JmhResult s) {
        return s.param(BACKEND);
    }

    /** The bytes a write_bytes score wrote per call (its {@code size} parameter), if it says. */
    static OptionalLong size(JmhResult s) {
        Long bytes = s.size();
        return bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes);
    }

    /** The benchmark name that {@link #isFloor} matches, for captions. */
    static String floorName() {
        return FLOOR;
    }

    private static boolean named(JmhResult s, String classAndMethod) {
        return s.shortName().equals(classAndMethod);
    }
}
