package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static mpkernel.user.bench.LfkArray.*;
import static mpkernel.user.bench.LfkInputs.scalar;

import java.lang.foreign.MemorySegment;

/**
 * The 24 Livermore Fortran Kernels (McMahon, UCRL-53745, 1986) in double precision on arrays in
 * user memory, written from the report's FORTRAN DO loops with 0-based indices (FORTRAN element
 * {@code X(k)} is {@code x[k-1]}; two-dimensional {@code A(i,j)} is {@code a[j][i]}, see
 * {@link LfkArray}). Each call runs {@code passes} passes of one kernel at span {@code n}; kernels
 * with a scalar result leave it in {@link LfkArrays#results()}. Standard functions are
 * {@link StrictMath}'s so that the checksums are the same on every JVM.
 */
final class LfkKernels {

    private final LfkArrays a;

    LfkKernels(LfkArrays arrays) {
        this.a = arrays;
    }

    /** Runs {@code passes} passes of kernel {@code k} at span {@code n}. */
    void run(int k, int n, int passes) {
        switch (k) {
            case 1 -> hydro(n, passes);
            case 2 -> iccg(n, passes);
            case 3 -> innerProduct(n, passes);
            case 4 -> bandedLinear(n, passes);
            case 5 -> tridiagonal(n, passes);
            case 6 -> linearRecurrence(n, passes);
            case 7 -> equationOfState(n, passes);
            case 8 -> adi(n, passes);
            case 9 -> integratePredictors(n, passes);
            case 10 -> differencePredictors(n, passes);
            case 11 -> firstSum(n, passes);
            case 12 -> firstDifference(n, passes);
            case 13 -> pic2d(n, passes);
            case 14 -> pic1d(n, passes);
            case 15 -> casualFortran(n, passes);
            case 16 -> monteCarlo(n, passes);
            case 17 -> implicitConditional(n, passes);
            case 18 -> hydro2dExplicit(n, passes);
            case 19 -> generalRecurrence(n, passes);
            case 20 -> discreteOrdinates(n, passes);
            case 21 -> matrixProduct(n, passes);
            case 22 -> planckian(n, passes);
            case 23 -> hydro2dImplicit(n, passes);
            case 24 -> firstMinimum(n, passes);
            default -> throw new IllegalArgumentException("kernel " + k);
        }
    }

    private static double get(MemorySegment s, int i) {
        return s.getAtIndex(JAVA_DOUBLE, i);
    }

    private static void put(MemorySegment s, int i, double v) {
        s.setAtIndex(JAVA_DOUBLE, i, v);
    }

    private static int geti(MemorySegment s, int i) {
        return s.getAtIndex(JAVA_INT, i);
    }

    private static void puti(MemorySegment s, int i, int v) {
        s.setAtIndex(JAVA_INT, i, v);
    }

    /** Kernel 1: {@code X(k) = Q + Y(k)*(R*Z(k+10) + T*Z(k+11))}. */
    private void hydro(int n, int passes) {
        MemorySegment x = a.get(X);
        MemorySegment y = a.get(Y);
        MemorySegment z = a.get(Z);
        double q = scalar(LfkInputs.Q);
        double r = scalar(LfkInputs.R);
        double t = scalar(LfkInputs.T);
        for (int l = 0; l < passes; l++) {
            for (int k = 0; k < n; k++) {
                put(x, k, q + get(y, k) * (r * get(z, k + 10) + t * get(z, k + 11)));
            }
        }
    }

    /** Kernel 2: ICCG excerpt, halving the vector level by level while {@code II > 1}. */
    private void iccg(int n, int passes) {
        MemorySegment x = a.get(X);
        MemorySegment v = a.get(V);
        for (int l = 0; l < passes; l++) {
            int ii = n;
            int ipntp = 0;
            do {
                int ipnt = ipntp;
                ipntp += ii;
                ii /= 2;
                int i = ipntp;
                for (int k = ipnt + 1; k < ipntp; k += 2) {
                    i++;
                    put(x, i, get(x, k) - get(v, k) * get(x, k - 1) - get(v, k + 1) * get(x, k + 1));
                }
            } while (ii > 1);
        }
    }

    /** Kernel 3: {@code Q = Q + Z(k)*X(k)}. */
    private void innerProduct(int n, int passes) {
        MemorySegment x = a.get(X);
        MemorySegment z = a.get(Z);
        double q = 0.0;
        for (int l = 0; l < passes; l++) {
            q = 0.0;
            for (int k = 0; k < n; k++) {
                q += get(z, k) * get(x, k);
            }
        }
        a.results().set(JAVA_DOUBLE, LfkArrays.Q, q);
    }

    /** Kernel 4: banded linear equations, three rows {@code k = 7, 504, 1001} ({@code XZ} is {@code X}). */
    private void bandedLinear(int n, int passes) {
        MemorySegment x = a.get(X);
        MemorySegment y = a.get(Y);
        int m = (1001 - 7) / 2;
        for (int l = 0; l < passes; l++) {
            for (int k = 6; k < 1001; k += m) {
                int lw = k - 6;
                double temp = get(x, k - 1);
                for (int j = 4; j < n; j += 5) {
                    temp -= get(x, lw) * get(y, j);
                    lw++;
                }
                put(x, k - 1, get(y, 4) * temp);
            }
        }
    }

    /** Kernel 5: {@code X(i) = Z(i)*(Y(i) - X(i-1))}. */
    private void tridiagonal(int n, int passes) {
        MemorySegment x = a.get(X);
        MemorySegment y = a.get(Y);
        MemorySegment z = a.get(Z);
        for (int l = 0; l < passes; l++) {
            for (int i = 1; i < n; i++) {
                put(x, i, get(z, i) * (get(y, i) - get(x, i - 1)));
            }
        }
    }

    /** Kernel 6: {@code W(i) = 0.01 + sum over k<i of B(i,k)*W(i-k)}. */
    private void linearRecurrence(int n, int passes) {
        MemorySegment w = a.get(W);
        MemorySegment b = a.get(B);
        for (int l = 0; l < passes; l++) {
            for (int i = 1; i < n; i++) {
                double sum = 0.0100;
                for (int k = 0; k < i; k++) {
                    sum += get(b, k * 64 + i) * get(w, i - k - 1);
                }
                put(w, i, sum);
            }
        }
    }

    /** Kernel 7: equation of state fragment. */
    private void equationOfState(int n, int passes) {
        MemorySegment x = a.get(X);
        MemorySegment y = a.get(Y);
        MemorySegment z = a.get(Z);
        MemorySegment u = a.get(U);
        double q = scalar(LfkInputs.Q);
        double r = scalar(LfkInputs.R);
        double t = scalar(LfkInputs.T);
        for (int l = 0; l < passes; l++) {
            for (int k = 0; k < n; k++) {
                put(x, k, get(u, k) + r * (get(z, k) + r * get(y, k))
                        + t * (get(u, k + 3) + r * (get(u, k + 2) + r * get(u, k + 1))
                        + t * (get(u, k + 6) + q * (get(u, k + 5) + q * get(u, k + 4)))));
            }
        }
    }

    /** Kernel 8: ADI integration, from plane {@code nl1 = 1} to plane {@code nl2 = 2} of {@code U1, U2, U3}. */
    private void adi(int n, int passes) {
        MemorySegment u1 = a.get(U1);
        MemorySegment u2 = a.get(U2);
        MemorySegment u3 = a.get(U3);
        MemorySegment du1 = a.get(DU1);
        MemorySegment du2 = a.get(DU2);
        MemorySegment du3 = a.get(DU3);
        double sig = scalar(LfkInputs.SIG);
        double a11 = scalar(LfkInputs.A11);
        double a12 = scalar(LfkInputs.A11 + 1);
        double a13 = scalar(LfkInputs.A11 + 2);
        double a21 = scalar(LfkInputs.A11 + 3);
        double a22 = scalar(LfkInputs.A11 + 4);
        double a23 = scalar(LfkInputs.A11 + 5);
        double a31 = scalar(LfkInputs.A11 + 6);
        double a32 = scalar(LfkInputs.A11 + 7);
        double a33 = scalar(LfkInputs.A11 + 8);
        final int plane = 101 * 5;
        for (int l = 0; l < passes; l++) {
            for (int kx = 1; kx < 3; kx++) {
                for (int ky = 1; ky < n; ky++) {
                    int at = ky * 5 + kx;
                    double d1 = get(u1, at + 5) - get(u1, at - 5);
                    double d2 = get(u2, at + 5) - get(u2, at - 5);
                    double d3 = get(u3, at + 5) - get(u3, at - 5);
                    put(du1, ky, d1);
                    put(du2, ky, d2);
                    put(du3, ky, d3);
                    put(u1, plane + at, get(u1, at) + a11 * d1 + a12 * d2 + a13 * d3
                            + sig * (get(u1, at + 1) - 2.0 * get(u1, at) + get(u1, at - 1)));
                    put(u2, plane + at, get(u2, at) + a21 * d1 + a22 * d2 + a23 * d3
                            + sig * (get(u2, at + 1) - 2.0 * get(u2, at) + get(u2, at - 1)));
                    put(u3, plane + at, get(u3, at) + a31 * d1 + a32 * d2 + a33 * d3
                            + sig * (get(u3, at + 1) - 2.0 * get(u3, at) + get(u3, at - 1)));
                }
            }
        }
    }

    /** Kernel 9: integrate predictors, {@code PX(1,i)} from {@code PX(3..13,i)}. */
    private void integratePredictors(int n, int passes) {
        MemorySegment px = a.get(PX);
        double dm22 = scalar(LfkInputs.DM22);
        double dm23 = scalar(LfkInputs.DM22 + 1);
        double dm24 = scalar(LfkInputs.DM22 + 2);
        double dm25 = scalar(LfkInputs.DM22 + 3);
        double dm26 = scalar(LfkInputs.DM22 + 4);
        double dm27 = scalar(LfkInputs.DM22 + 5);
        double dm28 = scalar(LfkInputs.DM22 + 6);
        double c0 = scalar(LfkInputs.C0);
        for (int l = 0; l < passes; l++) {
            for (int i = 0; i < n; i++) {
                int r = i * 25;
                put(px, r, dm28 * get(px, r + 12) + dm27 * get(px, r + 11) + dm26 * get(px, r + 10)
                        + dm25 * get(px, r + 9) + dm24 * get(px, r + 8) + dm23 * get(px, r + 7)
                        + dm22 * get(px, r + 6) + c0 * (get(px, r + 4) + get(px, r + 5)) + get(px, r + 2));
            }
        }
    }

    /** Kernel 10: difference predictors down columns 5..14 of {@code PX}. */
    private void differencePredictors(int n, int passes) {
        MemorySegment px = a.get(PX);
        MemorySegment cx = a.get(CX);
        for (int l = 0; l < passes; l++) {
            for (int i = 0; i < n; i++) {
                int r = i * 25;
                double ar = get(cx, r + 4);
                double br = ar - get(px, r + 4);
                put(px, r + 4, ar);
                double cr = br - get(px, r + 5);
                put(px, r + 5, br);
                ar = cr - get(px, r + 6);
                put(px, r + 6, cr);
                br = ar - get(px, r + 7);
                put(px, r + 7, ar);
                cr = br - get(px, r + 8);
                put(px, r + 8, br);
                ar = cr - get(px, r + 9);
                put(px, r + 9, cr);
                br = ar - get(px, r + 10);
                put(px, r + 10, ar);
                cr = br - get(px, r + 11);
                put(px, r + 11, br);
                put(px, r + 13, cr - get(px, r + 12));
                put(px, r + 12, cr);
            }
        }
    }

    /** Kernel 11: {@code X(k) = X(k-1) + Y(k)}. */
    private void firstSum(int n, int passes) {
        MemorySegment x = a.get(X);
        MemorySegment y = a.get(Y);
        for (int l = 0; l < passes; l++) {
            put(x, 0, get(y, 0));
            for (int k = 1; k < n; k++) {
                put(x, k, get(x, k - 1) + get(y, k));
            }
        }
    }

    /** Kernel 12: {@code X(k) = Y(k+1) - Y(k)}. */
    private void firstDifference(int n, int passes) {
        MemorySegment x = a.get(X);
        MemorySegment y = a.get(Y);
        for (int l = 0; l < passes; l++) {
            for (int k = 0; k < n; k++) {
                put(x, k, get(y, k + 1) - get(y, k));
            }
        }
    }

    /** Kernel 13: 2-D particle in cell on a 64x64 grid ({@code MOD2N(i,64)} is {@code i AND 63}). */
    private void pic2d(int n, int passes) {
        MemorySegment p = a.get(P);
        MemorySegment b = a.get(B);
        MemorySegment c = a.get(C);
        MemorySegment h = a.get(H);
        MemorySegment y = a.get(Y);
        MemorySegment z = a.get(Z);
        MemorySegment e = a.get(E);
        MemorySegment f = a.get(F);
        for (int l = 0; l < passes; l++) {
            for (int ip = 0; ip < n; ip++) {
                int r = ip * 4;
                int i1 = (int) ((long) get(p, r) & 63);
                int j1 = (int) ((long) get(p, r + 1) & 63);
                put(p, r + 2, get(p, r + 2) + get(b, j1 * 64 + i1));
                put(p, r + 3, get(p, r + 3) + get(c, j1 * 64 + i1));
                put(p, r, get(p, r) + get(p, r + 2));
                put(p, r + 1, get(p, r + 1) + get(p, r + 3));
                int i2 = (int) ((long) get(p, r) & 63);
                int j2 = (int) ((long) get(p, r + 1) & 63);
                put(p, r, get(p, r) + get(y, i2 + 31));
                put(p, r + 1, get(p, r + 1) + get(z, j2 + 31));
                i2 += geti(e, i2 + 31);
                j2 += geti(f, j2 + 31);
                int cell = (j2 - 1) * 64 + (i2 - 1);
                put(h, cell, get(h, cell) + 1.0);
            }
        }
    }

    /** Kernel 14: 1-D particle in cell with a 2048-cell charge histogram {@code RH}. */
    private void pic1d(int n, int passes) {
        MemorySegment vx = a.get(VX);
        MemorySegment xx = a.get(XX);
        MemorySegment ix = a.get(IX);
        MemorySegment xi = a.get(XI);
        MemorySegment ex = a.get(EX);
        MemorySegment ex1 = a.get(EX1);
        MemorySegment dex = a.get(DEX);
        MemorySegment dex1 = a.get(DEX1);
        MemorySegment grd = a.get(GRD);
        MemorySegment ir = a.get(IR);
        MemorySegment rx = a.get(RX);
        MemorySegment rh = a.get(RH);
        double flx = LfkInputs.FLX;
        for (int l = 0; l < passes; l++) {
            for (int k = 0; k < n; k++) {
                put(vx, k, 0.0);
                put(xx, k, 0.0);
                puti(ix, k, (int) get(grd, k));
                put(xi, k, geti(ix, k));
                put(ex1, k, get(ex, geti(ix, k) - 1));
                put(dex1, k, get(dex, geti(ix, k) - 1));
            }
            for (int k = 0; k < n; k++) {
                put(vx, k, get(vx, k) + get(ex1, k) + (get(xx, k) - get(xi, k)) * get(dex1, k));
                put(xx, k, get(xx, k) + get(vx, k) + flx);
                puti(ir, k, (int) get(xx, k));
                put(rx, k, get(xx, k) - geti(ir, k));
                puti(ir, k, (geti(ir, k) & 2047) + 1);
                put(xx, k, get(rx, k) + geti(ir, k));
            }
            for (int k = 0; k < n; k++) {
                int cell = geti(ir, k);
                put(rh, cell - 1, get(rh, cell - 1) + 1.0 - get(rx, k));
                put(rh, cell, get(rh, cell) + get(rx, k));
            }
        }
    }

    /** Kernel 15: "casual Fortran", conditional assignments over a 7 x n grid. */
    private void casualFortran(int n, int passes) {
        MemorySegment vy = a.get(VY);
        MemorySegment vs = a.get(VS);
        MemorySegment vh = a.get(VH);
        MemorySegment vf = a.get(VF);
        MemorySegment vg = a.get(VG);
        final int ng = 7;
        final int nz = n;
        final double ar = 0.053;
        final double br = 0.073;
        for (int l = 0; l < passes; l++) {
            for (int j = 1; j < ng; j++) {
                for (int k = 1; k < nz; k++) {
                    int at = j * 101 + k;
                    if (j + 1 >= ng) {
                        put(vy, at, 0.0);
                        continue;
                    }
                    double t = get(vh, at + 101) > get(vh, at) ? ar : br;
                    double r;
                    double s;
                    if (get(vf, at) < get(vf, at - 1)) {
                        r = max(get(vh, at - 1), get(vh, at + 101 - 1));
                        s = get(vf, at - 1);
                    } else {
                        r = max(get(vh, at), get(vh, at + 101));
                        s = get(vf, at);
                    }
                    put(vy, at, Math.sqrt(get(vg, at) * get(vg, at) + r * r) * t / s);
                    if (k + 1 >= nz) {
                        put(vs, at, 0.0);
                        continue;
                    }
                    if (get(vf, at) < get(vf, at - 101)) {
                        r = max(get(vg, at - 101), get(vg, at - 101 + 1));
                        s = get(vf, at - 101);
                        t = br;
                    } else {
                        r = max(get(vg, at), get(vg, at + 1));
                        s = get(vf, at);
                        t = ar;
                    }
                    put(vs, at, Math.sqrt(get(vh, at) * get(vh, at) + r * r) * t / s);
                }
            }
        }
    }

    /** FORTRAN {@code MAX} of two reals. */
    private static double max(double p, double q) {
        return p > q ? p : q;
    }

    /** Kernel 16: Monte Carlo search loop through {@code ZONE}, {@code PLAN} and {@code D}. */
    private void monteCarlo(int n, int passes) {
        MemorySegment zone = a.get(ZONE);
        MemorySegment plan = a.get(PLAN);
        MemorySegment d = a.get(D);
        double r = get(d, n - 1);
        double s = get(d, n - 2);
        double t = get(d, n - 3);
        int ii = n / 3;
        int lb = ii + ii;
        long k2 = 0;
        long k3 = 0;
        int j5 = 0;
        int m = 1;
        for (int l = 0; l < passes; l++) {
            m = 1;
            int i1 = m;
            boolean restart;
            do {
                restart = false;
                int j2 = (n + n) * (m - 1) + 1;
                for (int k = 1; k <= n; k++) {
                    k2++;
                    int j4 = j2 + k + k;
                    j5 = geti(zone, j4 - 1);
                    double tmp;
                    if (j5 < n) {
                        if (j5 + lb < n) {
                            tmp = get(plan, j5 - 1) - t;
                        } else if (j5 + ii < n) {
                            tmp = get(plan, j5 - 1) - s;
                        } else {
                            tmp = get(plan, j5 - 1) - r;
                        }
                    } else if (j5 == n) {
                        break;
                    } else {
                        k3++;
                        double dt = t - get(d, j5 - 3);
                        double ds = s - get(d, j5 - 4);
                        double dr = r - get(d, j5 - 5);
                        tmp = get(d, j5 - 1) - (get(d, j5 - 2) * (dt * dt) + ds * ds + dr * dr);
                    }
                    int sign = geti(zone, j4 - 2);
                    if (tmp < 0.0) {
                        if (sign < 0) {
                            continue;
                        }
                        if (sign == 0) {
                            break;
                        }
                    } else if (tmp > 0.0) {
                        if (sign > 0) {
                            continue;
                        }
                        if (sign == 0) {
                            break;
                        }
                    } else {
                        break;
                    }
                    m = m + 1;
                    if (m > geti(zone, 0)) {
                        m = 1;
                    }
                    restart = i1 != m;
                    break;
                }
            } while (restart);
        }
        MemorySegment res = a.results();
        res.set(JAVA_LONG, LfkArrays.K2, k2);
        res.set(JAVA_LONG, LfkArrays.K3, k3);
        res.set(JAVA_LONG, LfkArrays.J5, j5);
        res.set(JAVA_LONG, LfkArrays.M16, m);
    }

    /** Kernel 17: implicit, conditional computation, backwards from {@code i = n} to 2. */
    private void implicitConditional(int n, int passes) {
        MemorySegment vsp = a.get(VSP);
        MemorySegment vstp = a.get(VSTP);
        MemorySegment vxne = a.get(VXNE);
        MemorySegment vxnd = a.get(VXND);
        MemorySegment ve3 = a.get(VE3);
        MemorySegment vlr = a.get(VLR);
        MemorySegment vlin = a.get(VLIN);
        double xnm = 0.0;
        for (int l = 0; l < passes; l++) {
            int i = n - 1;
            final int j = 0;
            final int ink = -1;
            final double scale = 5.0 / 3.0;
            xnm = 1.0 / 3.0;
            double e6 = 1.03 / 3.07;
            while (true) {
                double e3 = xnm * get(vlr, i) + get(vlin, i);
                double xnei = get(vxne, i);
                put(vxnd, i, e6);
                double xnc = scale * e3;
                if (xnm > xnc || xnei > xnc) {
                    e6 = xnm * get(vsp, i) + get(vstp, i);
                    put(vxne, i, e6);
                    xnm = e6;
                    put(ve3, i, e6);
                    i += ink;
                    if (i == j) {
                        break;
                    }
                    continue;
                }
                put(ve3, i, e3);
                e6 = e3 + e3 - xnm;
                put(vxne, i, e3 + e3 - xnei);
                xnm = e6;
                i += ink;
                if (i == j) {
                    break;
                }
            }
        }
        a.results().set(JAVA_DOUBLE, LfkArrays.XNM, xnm);
    }

    /** Kernel 18: 2-D explicit hydrodynamics fragment on a 7 x n grid. */
    private void hydro2dExplicit(int n, int passes) {
        MemorySegment za = a.get(ZA);
        MemorySegment zb = a.get(ZB);
        MemorySegment zp = a.get(ZP);
        MemorySegment zq = a.get(ZQ);
        MemorySegment zr = a.get(ZR);
        MemorySegment zm = a.get(ZM);
        MemorySegment zu = a.get(ZU);
        MemorySegment zv = a.get(ZV);
        MemorySegment zz = a.get(ZZ);
        final double t = 0.0037;
        final double s = 0.0041;
        final int kn = 6;
        final int jn = n;
        final int row = 101;
        for (int l = 0; l < passes; l++) {
            for (int k = 1; k < kn; k++) {
                for (int j = 1; j < jn; j++) {
                    int at = k * row + j;
                    put(za, at, (get(zp, at + row - 1) + get(zq, at + row - 1) - get(zp, at - 1) - get(zq, at - 1))
                            * (get(zr, at) + get(zr, at - 1)) / (get(zm, at - 1) + get(zm, at + row - 1)));
                    put(zb, at, (get(zp, at - 1) + get(zq, at - 1) - get(zp, at) - get(zq, at))
                            * (get(zr, at) + get(zr, at - row)) / (get(zm, at) + get(zm, at - 1)));
                }
            }
            for (int k = 1; k < kn; k++) {
                for (int j = 1; j < jn; j++) {
                    int at = k * row + j;
                    put(zu, at, get(zu, at) + s * (get(za, at) * (get(zz, at) - get(zz, at + 1))
                            - get(za, at - 1) * (get(zz, at) - get(zz, at - 1))
                            - get(zb, at) * (get(zz, at) - get(zz, at - row))
                            + get(zb, at + row) * (get(zz, at) - get(zz, at + row))));
                    put(zv, at, get(zv, at) + s * (get(za, at) * (get(zr, at) - get(zr, at + 1))
                            - get(za, at - 1) * (get(zr, at) - get(zr, at - 1))
                            - get(zb, at) * (get(zr, at) - get(zr, at - row))
                            + get(zb, at + row) * (get(zr, at) - get(zr, at + row))));
                }
            }
            for (int k = 1; k < kn; k++) {
                for (int j = 1; j < jn; j++) {
                    int at = k * row + j;
                    put(zr, at, get(zr, at) + t * get(zu, at));
                    put(zz, at, get(zz, at) + t * get(zv, at));
                }
            }
        }
    }

    /** Kernel 19: general linear recurrence, forwards then backwards through {@code B5}. */
    private void generalRecurrence(int n, int passes) {
        MemorySegment b5 = a.get(B5);
        MemorySegment sa = a.get(SA);
        MemorySegment sb = a.get(SB);
        double stb5 = a.results().get(JAVA_DOUBLE, LfkArrays.STB5);
        for (int l = 0; l < passes; l++) {
            for (int k = 0; k < n; k++) {
                put(b5, k, get(sa, k) + stb5 * get(sb, k));
                stb5 = get(b5, k) - stb5;
            }
            for (int i = 1; i <= n; i++) {
                int k = n - i;
                put(b5, k, get(sa, k) + stb5 * get(sb, k));
                stb5 = get(b5, k) - stb5;
            }
        }
        a.results().set(JAVA_DOUBLE, LfkArrays.STB5, stb5);
    }

    /** Kernel 20: discrete ordinates transport, conditional recurrence on {@code XX}. */
    private void discreteOrdinates(int n, int passes) {
        MemorySegment x = a.get(X);
        MemorySegment y = a.get(Y);
        MemorySegment z = a.get(Z);
        MemorySegment u = a.get(U);
        MemorySegment v = a.get(V);
        MemorySegment w = a.get(W);
        MemorySegment g = a.get(G);
        MemorySegment xx = a.get(XX);
        MemorySegment vx = a.get(VX);
        double dk = scalar(LfkInputs.DK);
        double s = scalar(LfkInputs.S);
        double t = scalar(LfkInputs.T);
        for (int l = 0; l < passes; l++) {
            for (int k = 0; k < n; k++) {
                double di = get(y, k) - get(g, k) / (get(xx, k) + dk);
                double dn = 0.2;
                if (di != 0.0) {
                    dn = get(z, k) / di;
                    if (t < dn) {
                        dn = t;
                    }
                    if (s > dn) {
                        dn = s;
                    }
                }
                put(x, k, ((get(w, k) + get(v, k) * dn) * get(xx, k) + get(u, k)) / (get(vx, k) + get(v, k) * dn));
                put(xx, k + 1, (get(x, k) - get(xx, k)) * dn + get(xx, k));
            }
        }
    }

    /** Kernel 21: matrix*matrix product {@code PX(i,j) += VY(i,k)*CX(k,j)}, 25 x 25 by 25 x n. */
    private void matrixProduct(int n, int passes) {
        MemorySegment px = a.get(PX);
        MemorySegment vy = a.get(VY);
        MemorySegment cx = a.get(CX);
        for (int l = 0; l < passes; l++) {
            for (int k = 0; k < 25; k++) {
                for (int i = 0; i < 25; i++) {
                    double vik = get(vy, k * 101 + i);
                    for (int j = 0; j < n; j++) {
                        int at = j * 25 + i;
                        put(px, at, get(px, at) + vik * get(cx, j * 25 + k));
                    }
                }
            }
        }
    }

    /** Kernel 22: Planckian distribution {@code W(k) = X(k)/(EXP(U(k)/V(k)) - 1)}. */
    private void planckian(int n, int passes) {
        MemorySegment x = a.get(X);
        MemorySegment y = a.get(Y);
        MemorySegment u = a.get(U);
        MemorySegment v = a.get(V);
        MemorySegment w = a.get(W);
        for (int l = 0; l < passes; l++) {
            for (int k = 0; k < n; k++) {
                put(y, k, get(u, k) / get(v, k));
                put(w, k, get(x, k) / (StrictMath.exp(get(y, k)) - 1.0));
            }
        }
    }

    /** Kernel 23: 2-D implicit hydrodynamics fragment, relaxing {@code ZA} in place. */
    private void hydro2dImplicit(int n, int passes) {
        MemorySegment za = a.get(ZA);
        MemorySegment zb = a.get(ZB);
        MemorySegment zr = a.get(ZR);
        MemorySegment zu = a.get(ZU);
        MemorySegment zv = a.get(ZV);
        MemorySegment zz = a.get(ZZ);
        final int row = 101;
        for (int l = 0; l < passes; l++) {
            for (int j = 1; j < 6; j++) {
                for (int k = 1; k < n; k++) {
                    int at = j * row + k;
                    double qa = get(za, at + row) * get(zr, at) + get(za, at - row) * get(zb, at)
                            + get(za, at + 1) * get(zu, at) + get(za, at - 1) * get(zv, at) + get(zz, at);
                    put(za, at, get(za, at) + 0.175 * (qa - get(za, at)));
                }
            }
        }
    }

    /** Kernel 24: location of the first minimum of {@code X}. */
    private void firstMinimum(int n, int passes) {
        MemorySegment x = a.get(X);
        int m = 0;
        for (int l = 0; l < passes; l++) {
            m = 0;
            for (int k = 1; k < n; k++) {
                if (get(x, k) < get(x, m)) {
                    m = k;
                }
            }
        }
        a.results().set(JAVA_LONG, LfkArrays.M24, m);
    }
}
