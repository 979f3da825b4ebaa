package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static mpkernel.user.bench.LfkArray.*;

import java.lang.foreign.MemorySegment;

/**
 * The checksum of each kernel's results, in the manner of the LFK report: a sum over the kernel's
 * output arrays of {@code (i+1) * a[i]}, array after array in the listed order, index ascending,
 * plus its scalar results. The outputs and ranges per kernel are:
 * 1, 5, 7, 11, 12: {@code X(1..n)}; 2: {@code X(1..2n)}; 3: {@code Q}; 4: {@code X(1..1001)};
 * 6: {@code W(1..n)}; 8: all of {@code U1}, {@code U2}, {@code U3}; 9, 10, 21: {@code PX} columns
 * 1..n; 13: {@code P} of particles 1..n, then all of {@code H}; 14: {@code XX(1..n)},
 * {@code VX(1..n)}, {@code RH(1..2049)}; 15: {@code VY} and {@code VS} rows 1..7; 16:
 * {@code k2 + 2 k3 + 3 j5 + 4 m}; 17: {@code VXNE}, {@code VXND}, {@code VE3} over 1..n, then
 * {@code + XNM}; 18: {@code ZR}, {@code ZZ}, {@code ZU}, {@code ZV}; 19: {@code B5(1..n)}, then
 * {@code + STB5}; 20: {@code X(1..n)}, {@code XX(1..n+1)}; 22: {@code W(1..n)}, {@code Y(1..n)};
 * 23: {@code ZA}; 24: the 0-based location {@code m} of the minimum.
 */
final class LfkChecksum {

    private LfkChecksum() {
    }

    /** Kernel {@code k}'s checksum after a sample at span {@code n}. */
    static double of(LfkArrays a, int k, int n) {
        final int grid = 7 * 101;
        return switch (k) {
            case 1, 5, 7, 11, 12 -> sum(0.0, a.get(X), n);
            case 2 -> sum(0.0, a.get(X), 2 * n);
            case 3 -> a.result(LfkArrays.Q);
            case 4 -> sum(0.0, a.get(X), 1001);
            case 6 -> sum(0.0, a.get(W), n);
            case 8 -> sum(sum(sum(0.0, a.get(U1), U1.length()), a.get(U2), U2.length()), a.get(U3), U3.length());
            case 9, 10, 21 -> sum(0.0, a.get(PX), 25 * n);
            case 13 -> sum(sum(0.0, a.get(P), 4 * n), a.get(H), H.length());
            case 14 -> sum(sum(sum(0.0, a.get(XX), n), a.get(VX), n), a.get(RH), RH.length());
            case 15 -> sum(sum(0.0, a.get(VY), grid), a.get(VS), grid);
            case 16 -> a.count(LfkArrays.K2) + 2.0 * a.count(LfkArrays.K3) + 3.0 * a.count(LfkArrays.J5)
                    + 4.0 * a.count(LfkArrays.M16);
            case 17 -> sum(sum(sum(0.0, a.get(VXNE), n), a.get(VXND), n), a.get(VE3), n) + a.result(LfkArrays.XNM);
            case 18 -> sum(sum(sum(sum(0.0, a.get(ZR), grid), a.get(ZZ), grid), a.get(ZU), grid), a.get(ZV), grid);
            case 19 -> sum(0.0, a.get(B5), n) + a.result(LfkArrays.STB5);
            case 20 -> sum(sum(0.0, a.get(X), n), a.get(XX), n + 1);
            case 22 -> sum(sum(0.0, a.get(W), n), a.get(Y), n);
            case 23 -> sum(0.0, a.get(ZA), grid);
            case 24 -> a.count(LfkArrays.M24);
            default -> throw new IllegalArgumentException("kernel " + k);
        };
    }

    private static double sum(double start, MemorySegment block, int count) {
        double s = start;
        for (int i = 0; i < count; i++) {
            s += (i + 1) * block.getAtIndex(JAVA_DOUBLE, i);
        }
        return s;
    }
}
