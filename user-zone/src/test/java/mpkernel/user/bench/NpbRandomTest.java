package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

/** Checks the NPB generator against its definition x(k+1) = a x(k) mod 2^46, computed with BigInteger. */
class NpbRandomTest {

    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(46);

    @Test
    void randlcFollowsTheDefinition() {
        NpbRandom rng = new NpbRandom(314159265L);
        BigInteger x = BigInteger.valueOf(314159265L);
        BigInteger a = BigInteger.valueOf(1220703125L);
        for (int i = 0; i < 1000; i++) {
            x = x.multiply(a).mod(MOD);
            double r = rng.randlc(NpbRandom.A);
            assertEquals(x.longValueExact(), rng.seed());
            assertEquals(x.doubleValue() / MOD.doubleValue(), r, 0.0);
        }
    }

    @Test
    void multiplyHandlesFullWidthOperands() {
        long a = (1L << 46) - 3;
        long b = (1L << 46) - 7;
        long expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(MOD).longValueExact();
        assertEquals(expected, NpbRandom.multiply(a, b));
    }

    @Test
    void powerMatchesModPow() {
        for (long n : new long[] {0, 1, 2, 17, 128, 65536, 1L << 33}) {
            long expected = BigInteger.valueOf(NpbRandom.A).modPow(BigInteger.valueOf(n), MOD).longValueExact();
            assertEquals(expected, NpbRandom.power(NpbRandom.A, n), "n=" + n);
        }
    }

    @Test
    void fillIsRepeatedRandlc() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(8L * 100, 8);
            long seed = NpbRandom.fill(out, 0, 100, 271828183L, NpbRandom.A);
            NpbRandom rng = new NpbRandom(271828183L);
            for (int i = 0; i < 100; i++) {
                assertEquals(rng.randlc(NpbRandom.A), out.getAtIndex(JAVA_DOUBLE, i), 0.0);
            }
            assertEquals(rng.seed(), seed);
        }
    }
}
