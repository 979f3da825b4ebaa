package mpkernel.user.bench;

import static mpkernel.user.bench.WhetstoneMemory.J;
import static mpkernel.user.bench.WhetstoneMemory.K;
import static mpkernel.user.bench.WhetstoneMemory.L;
import static mpkernel.user.bench.WhetstoneMemory.T;
import static mpkernel.user.bench.WhetstoneMemory.T1;
import static mpkernel.user.bench.WhetstoneMemory.T2;
import static mpkernel.user.bench.WhetstoneMemory.Z;

/**
 * The timed part of Whetstone: {@code iterations} major loops of modules 1..11 on the variables in
 * user memory ({@link WhetstoneMemory}). Written from the module descriptions of Curnow &amp;
 * Wichmann (1976) and the double-precision FORTRAN version's statements; the global variables
 * ({@code COMMON}) and the array {@code E1} are read and written in memory wherever the program
 * text refers to them, module-local scalars ({@code X}, {@code Y}, ...) live in locals as a
 * compiler keeps them in registers. Standard functions are {@link StrictMath}'s so that results
 * are reproducible bit for bit on any JVM.
 */
final class WhetstoneModules {

    private final WhetstoneMemory m;

    WhetstoneModules(WhetstoneMemory memory) {
        this.m = memory;
    }

    /** Runs {@code iterations} major loops with loop count {@code loop}; each leaves its printout rows. */
    void run(long loop, long iterations) {
        m.set(T, 0.499975);
        m.set(T1, 0.50025);
        m.set(T2, 2.0);
        for (long jj = 1; jj <= iterations; jj++) {
            majorLoop(loop);
        }
    }

    private void majorLoop(long loop) {
        long n1 = WhetstoneLoops.count(0, loop);
        long n2 = WhetstoneLoops.count(1, loop);
        long n3 = WhetstoneLoops.count(2, loop);
        long n4 = WhetstoneLoops.count(3, loop);
        long n6 = WhetstoneLoops.count(4, loop);
        long n7 = WhetstoneLoops.count(5, loop);
        long n8 = WhetstoneLoops.count(6, loop);
        long n9 = WhetstoneLoops.count(7, loop);
        long n10 = WhetstoneLoops.count(8, loop);
        long n11 = WhetstoneLoops.count(9, loop);
        double t = m.get(T);
        double t1 = m.get(T1);
        double t2 = m.get(T2);

        // Module 1: simple identifiers (count 0 in the published program).
        double x1 = 1.0;
        double x2 = -1.0;
        double x3 = -1.0;
        double x4 = -1.0;
        for (long i = 1; i <= n1; i++) {
            x1 = (x1 + x2 + x3 - x4) * t;
            x2 = (x1 + x2 - x3 + x4) * t;
            x3 = (x1 - x2 + x3 + x4) * t;
            x4 = (-x1 + x2 + x3 + x4) * t;
        }
        m.pout(0, n1, n1, n1, x1, x2, x3, x4);

        // Module 2: array elements.
        m.e1(1, 1.0);
        m.e1(2, -1.0);
        m.e1(3, -1.0);
        m.e1(4, -1.0);
        for (long i = 1; i <= n2; i++) {
            m.e1(1, (m.e1(1) + m.e1(2) + m.e1(3) - m.e1(4)) * t);
            m.e1(2, (m.e1(1) + m.e1(2) - m.e1(3) + m.e1(4)) * t);
            m.e1(3, (m.e1(1) - m.e1(2) + m.e1(3) + m.e1(4)) * t);
            m.e1(4, (-m.e1(1) + m.e1(2) + m.e1(3) + m.e1(4)) * t);
        }
        m.pout(1, n2, n3, n2, m.e1(1), m.e1(2), m.e1(3), m.e1(4));

        // Module 3: array as parameter.
        for (long i = 1; i <= n3; i++) {
            pa();
        }
        m.pout(2, n3, n2, n2, m.e1(1), m.e1(2), m.e1(3), m.e1(4));

        // Module 4: conditional jumps.
        int j = 1;
        for (long i = 1; i <= n4; i++) {
            j = j == 1 ? 2 : 3;
            j = j > 2 ? 0 : 1;
            j = j < 1 ? 1 : 0;
        }
        m.setInt(J, j);
        m.pout(3, n4, j, j, x1, x2, x3, x4);

        // Module 5 omitted. Module 6: integer arithmetic.
        j = 1;
        int k = 2;
        int l = 3;
        for (long i = 1; i <= n6; i++) {
            j = j * (k - j) * (l - k);
            k = l * k - (l - j) * k;
            l = (l - k) * (k + j);
            m.e1(l - 1, j + k + l);
            m.e1(k - 1, j * k * l);
        }
        m.setInt(J, j);
        m.setInt(K, k);
        m.setInt(L, l);
        m.pout(4, n6, j, k, m.e1(1), m.e1(2), m.e1(3), m.e1(4));

        // Module 7: trigonometric functions.
        double x = 0.5;
        double y = 0.5;
        for (long i = 1; i <= n7; i++) {
            x = t * StrictMath.atan(t2 * StrictMath.sin(x) * StrictMath.cos(x)
                    / (StrictMath.cos(x + y) + StrictMath.cos(x - y) - 1.0));
            y = t * StrictMath.atan(t2 * StrictMath.sin(y) * StrictMath.cos(y)
                    / (StrictMath.cos(x + y) + StrictMath.cos(x - y) - 1.0));
        }
        m.pout(5, n7, j, k, x, x, y, y);

        // Module 8: procedure calls.
        x = 1.0;
        y = 1.0;
        m.set(Z, 1.0);
        for (long i = 1; i <= n8; i++) {
            p3(x, y);
        }
        m.pout(6, n8, j, k, x, y, m.get(Z), m.get(Z));

        // Module 9: array references.
        m.setInt(J, 1);
        m.setInt(K, 2);
        m.setInt(L, 3);
        m.e1(1, 1.0);
        m.e1(2, 2.0);
        m.e1(3, 3.0);
        for (long i = 1; i <= n9; i++) {
            p0();
        }
        j = m.getInt(J);
        k = m.getInt(K);
        m.pout(7, n9, j, k, m.e1(1), m.e1(2), m.e1(3), m.e1(4));

        // Module 10: integer arithmetic (count 0 in the published program).
        j = 2;
        k = 3;
        for (long i = 1; i <= n10; i++) {
            j = j + k;
            k = j + k;
            j = k - j;
            k = k - j - j;
        }
        m.setInt(J, j);
        m.setInt(K, k);
        m.pout(8, n10, j, k, x1, x2, x3, x4);

        // Module 11: standard functions.
        x = 0.75;
        for (long i = 1; i <= n11; i++) {
            x = StrictMath.sqrt(StrictMath.exp(StrictMath.log(x) / t1));
        }
        m.pout(9, n11, j, k, x, x, x, x);
    }

    /** Procedure {@code PA(E1)}: six passes over the array, with the global {@code J} as counter. */
    private void pa() {
        double t = m.get(T);
        double t2 = m.get(T2);
        int j = 0;
        do {
            m.e1(1, (m.e1(1) + m.e1(2) + m.e1(3) - m.e1(4)) * t);
            m.e1(2, (m.e1(1) + m.e1(2) - m.e1(3) + m.e1(4)) * t);
            m.e1(3, (m.e1(1) - m.e1(2) + m.e1(3) + m.e1(4)) * t);
            m.e1(4, (-m.e1(1) + m.e1(2) + m.e1(3) + m.e1(4)) / t2);
            j += 1;
        } while (j < 6);
        m.setInt(J, j);
    }

    /** Procedure {@code P3(X,Y,Z)}: {@code X} and {@code Y} by value, the result through {@code Z}'s address. */
    private void p3(double x, double y) {
        double t = m.get(T);
        double x1 = t * (x + y);
        double y1 = t * (x1 + y);
        m.set(Z, (x1 + y1) / m.get(T2));
    }

    /** Procedure {@code P0}: permutes {@code E1} through the global indices {@code J, K, L}. */
    private void p0() {
        int j = m.getInt(J);
        int k = m.getInt(K);
        int l = m.getInt(L);
        m.e1(j, m.e1(k));
        m.e1(k, m.e1(l));
        m.e1(l, m.e1(j));
    }
}
