package mpkernel.user.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Verification of a Whetstone run. Two independent checks:
 * <ol>
 * <li>every printout row must equal, bit for bit, the row of {@link WhetstoneReference} (an
 *     independent computation on Java locals with the same {@code LOOP});</li>
 * <li>the modules whose result can be derived by hand must print the derived values:
 *     module 4 ends with {@code J = 1} after an even and {@code J = 0} after an odd number of
 *     passes (each pass flips J between 1 and 0); module 6 reaches its fixed point at once
 *     ({@code J,K,L = 1,2,3}, {@code E1(1) = E1(2) = 6}); module 8's {@code P3} always receives
 *     {@code X = Y = 1}, so {@code Z = (2T + T(2T+1)) / T2}; module 9 swaps {@code E1(1..3)}
 *     through the cycle (1,2,3) &rarr; (2,3,2) &rarr; (3,2,3) &rarr; (2,3,2) ..., ending at (3,2,3) after an
 *     even count, and leaves {@code E1(4)} as module 3 left it; module 10 has count 0
 *     ({@code J,K = 2,3}); module 11 computes {@code X = 0.75^(p^N11)} with {@code p = 1/(2 T1)},
 *     which floating-point evaluation meets to within 1e-9 relative.</li>
 * </ol>
 * The check fails when user memory does not return what the program stored, when a module is
 * skipped or cut short, or when the expected rows are wrong (the tests inject such a row).
 */
final class WhetstoneCheck {

    private WhetstoneCheck() {
    }

    /** Problems found comparing {@code actual} with {@code expected} and the derived values; empty if none. */
    static List<String> problems(long loop, WhetstoneRow[] actual, WhetstoneRow[] expected) {
        List<String> problems = new ArrayList<>();
        for (int r = 0; r < actual.length; r++) {
            if (!actual[r].sameBits(expected[r])) {
                problems.add("module " + WhetstoneLoops.NAMES[r] + " printed " + actual[r]
                        + " but the reference computation gives " + expected[r]);
            }
        }
        derived(loop, actual, problems);
        return problems;
    }

    private static void derived(long loop, WhetstoneRow[] rows, List<String> problems) {
        final double t = 0.499975;
        final double t1 = 0.50025;
        final double t2 = 2.0;
        long n4 = WhetstoneLoops.count(3, loop);
        expect(problems, "N4 J", rows[3].j(), n4 % 2 == 0 ? 1 : 0);
        expect(problems, "N6 J", rows[4].j(), 1);
        expect(problems, "N6 K", rows[4].k(), 2);
        expect(problems, "N6 E1(1)", rows[4].x1(), 6.0);
        expect(problems, "N6 E1(2)", rows[4].x2(), 6.0);
        double x1 = t * (1.0 + 1.0);
        double y1 = t * (x1 + 1.0);
        expect(problems, "N8 Z", rows[6].x3(), (x1 + y1) / t2);
        boolean even = WhetstoneLoops.count(7, loop) % 2 == 0;
        expect(problems, "N9 E1(1)", rows[7].x1(), even ? 3.0 : 2.0);
        expect(problems, "N9 E1(2)", rows[7].x2(), even ? 2.0 : 3.0);
        expect(problems, "N9 E1(3)", rows[7].x3(), even ? 3.0 : 2.0);
        expect(problems, "N9 E1(4)", rows[7].x4(), rows[2].x4());
        expect(problems, "N10 J", rows[8].j(), 2);
        expect(problems, "N10 K", rows[8].k(), 3);
        double exponent = Math.pow(1.0 / (2.0 * t1), WhetstoneLoops.count(9, loop));
        double closed = Math.pow(0.75, exponent);
        if (!(Math.abs(rows[9].x1() - closed) <= 1e-9 * closed)) {
            problems.add(String.format(Locale.ROOT, "N11 X is %.17g, the closed form 0.75^(p^N11) gives %.17g",
                    rows[9].x1(), closed));
        }
    }

    private static void expect(List<String> problems, String what, double actual, double wanted) {
        if (Double.doubleToRawLongBits(actual) != Double.doubleToRawLongBits(wanted)) {
            problems.add(String.format(Locale.ROOT, "%s is %.17g, should be %.17g", what, actual, wanted));
        }
    }

    private static void expect(List<String> problems, String what, long actual, long wanted) {
        if (actual != wanted) {
            problems.add(what + " is " + actual + ", should be " + wanted);
        }
    }
}
