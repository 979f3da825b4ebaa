package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/**
 * The NPB linear congruential pseudorandom generator, shared by all NPB ports because their
 * reference values are only reproducible from exactly this sequence.
 *
 * <p>Definition (Bailey et al., "The NAS Parallel Benchmarks", RNR-94-007, section 2.3 and
 * NAS-95-020): {@code x(k+1) = a * x(k) mod 2^46}, and the uniform deviate returned is
 * {@code r(k) = 2^-46 * x(k+1)}, with multiplier {@code a = 5^13 = 1220703125}. NPB's
 * {@code randlc(x, a)} advances a seed by one step and returns the deviate; {@code vranlc(n, x, a, y)}
 * fills {@code y} with the next {@code n} deviates.
 *
 * <p>Implemented here from that definition with 64-bit integer arithmetic rather than NPB's
 * split double-precision trick: seeds and multipliers are below 2^46, and because 2^46 divides
 * 2^64 the low 46 bits of Java's wrapping {@code long} product are exactly {@code a*x mod 2^46}.
 * Every value is an integer below 2^46, so the conversion to a double is exact too.
 */
final class NpbRandom {

    /** The NPB multiplier 5^13. */
    static final long A = 1220703125L;
    /** 2^-46, the scale from a seed to a deviate in (0, 1). */
    static final double R46 = 0x1p-46;
    private static final long MASK46 = (1L << 46) - 1;

    private long seed;

    /** A generator at {@code seed} (an integer in [1, 2^46)). */
    NpbRandom(long seed) {
        this.seed = seed & MASK46;
    }

    /** NPB's {@code randlc}: advances the seed by multiplier {@code a}; returns the new deviate. */
    double randlc(long a) {
        seed = multiply(a, seed);
        return seed * R46;
    }

    /** The current seed. */
    long seed() {
        return seed;
    }

    /** {@code a * x mod 2^46}. */
    static long multiply(long a, long x) {
        return (a * x) & MASK46;
    }

    /** {@code a^n mod 2^46} by repeated squaring (NPB MG's {@code power}). */
    static long power(long a, long n) {
        long result = 1;
        long square = a & MASK46;
        for (long k = n; k > 0; k >>= 1) {
            if ((k & 1) != 0) {
                result = multiply(square, result);
            }
            square = multiply(square, square);
        }
        return result;
    }

    /**
     * NPB's {@code vranlc}: writes the next {@code n} deviates after {@code seed} (multiplier
     * {@code a}) into doubles {@code [index, index + n)} of {@code out}; returns the advanced seed.
     */
    static long fill(MemorySegment out, long index, int n, long seed, long a) {
        long x = seed;
        for (int i = 0; i < n; i++) {
            x = multiply(a, x);
            out.setAtIndex(JAVA_DOUBLE, index + i, x * R46);
        }
        return x;
    }
}
