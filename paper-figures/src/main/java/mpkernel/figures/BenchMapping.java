package mpkernel.figures;

import java.util.OptionalInt;
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
 *       microbenchmark; {@code none} is the vanilla build;</li>
 *   <li>{@code ActiveDomainsBench.roundTrip}, parameters {@code backend} and {@code domains}:
 *       one round trip into one of {@code domains} virtual domains (one page each) chosen at
 *       random, the virtual domains sharing {@link #CACHE_KEYS} keys of the key cache;</li>
 *   <li>{@code KeyCacheBench.hit} and {@code KeyCacheBench.miss}, parameters {@code backend}
 *       and {@code region} (bytes per domain, read as the score's size): a round trip into a
 *       virtual domain that holds its key, and one that has to load it, evicting another.</li>
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
    private static final String ACTIVE_DOMAINS = "ActiveDomainsBench.roundTrip";
    private static final String KEY_HIT = "KeyCacheBench.hit";
    private static final String KEY_MISS = "KeyCacheBench.miss";
    private static final String BACKEND = "backend";
    private static final String DOMAINS = "domains";

    /**
     * The keys the benchmarks' virtual domains share under {@code mpk} and {@code mpk-dry}
     * ({@code mpkernel.bench.VirtualTasks.KEYS}: 15, less the kernel's 4 pinned domains, less
     * the parking key). Beyond this many domains in use, switches start to miss.
     */
    static final int CACHE_KEYS = 10;

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

    /** Whether {@code s} is a round trip among some number of virtual domains on some backend. */
    static boolean isActiveDomains(JmhResult s) {
        return named(s, ACTIVE_DOMAINS) && s.param(BACKEND) != null && domains(s).isPresent();
    }

    /** Whether {@code s} is a key-cache hit or miss at some region size on some backend. */
    static boolean isKeyCache(JmhResult s) {
        return (named(s, KEY_HIT) || named(s, KEY_MISS)) && s.param(BACKEND) != null && size(s).isPresent();
    }

    /** Whether {@code s} is a key-cache hit (else a miss). */
    static boolean isHit(JmhResult s) {
        return named(s, KEY_HIT);
    }

    /** Whether {@code s} is any of the key cache's scores. */
    static boolean isAnyKeyCache(JmhResult s) {
        return isActiveDomains(s) || isKeyCache(s);
    }

    /** The number of virtual domains a round trip went to (its {@code domains} parameter), if it says. */
    static OptionalInt domains(JmhResult s) {
        String v = s.param(DOMAINS);
        try {
            int n = v == null ? 0 : Integer.parseInt(v.trim());
            return n >= 1 ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The benchmark names the key-cache figures read, for messages. */
    static String keyCacheNames() {
        return ACTIVE_DOMAINS + ", " + KEY_HIT + ", " + KEY_MISS;
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
