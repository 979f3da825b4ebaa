package mpkernel.user.bench;

/**
 * The seeded generator of the Phoenix ports' inputs: SplitMix64 (Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014).
 *
 * <p>Why not {@code java.util.Random} or the C library's {@code rand()} that Phoenix used: the
 * input must be the same on every JDK and must be reproducible by the tests' reference
 * computation from the seed alone, so the generator is spelled out here. Phoenix only asks for
 * uniformly spread integers below a bound; any good generator meets that.
 */
final class PhoenixRandom {

    private long state;

    PhoenixRandom(long seed) {
        this.state = seed;
    }

    /** The next 64 random bits. */
    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniformly spread integer in {@code [0, bound)}, {@code bound > 0} (high bits times bound, so no modulo bias to speak of). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }
}
