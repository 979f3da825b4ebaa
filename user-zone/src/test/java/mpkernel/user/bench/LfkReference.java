package mpkernel.user.bench;

import static mpkernel.user.bench.LfkInputs.scalar;

import java.util.EnumMap;
import java.util.Map;

/**
 * An independent computation of the Livermore kernels on plain Java arrays, transcribed in the
 * FORTRAN notation of McMahon's report (1-based indices, column-major {@code A(i,j)} written
 * {@code a[(i-1) + d1*(j-1)]}) rather than from the program's 0-based code. It starts from the same
 * inputs ({@link LfkInputs}) and computes the checksums by their definition
 * ({@link LfkChecksum}'s javadoc), so agreement with the program checks the program's index
 * translation, its use of user memory and its checksums.
 */
final class LfkReference {

    private final Map<LfkArray, double[]> reals = new EnumMap<>(LfkArray.class);
    private final Map<LfkArray, int[]> ints = new EnumMap<>(LfkArray.class);
    private double q;
    private double stb5;
    private double xnm;
    private long k2;
    private long k3;
    private int j5;
    private int m16;
    private int m24;

    /** Checksum of kernel {@code k} after one sample of {@code passes} passes at span {@code n}. */
    static double checksum(int k, int n, int passes) {
        LfkReference ref = new LfkReference();
        ref.setUp(n);
        if (k == 22) {
            ref.r(LfkArray.U)[n - 1] = 0.99 * LfkInputs.EXPMAX * ref.r(LfkArray.V)[n - 1];
        } else if (k == 24) {
            ref.r(LfkArray.X)[n / 2] = -1.0e10;
        }
        ref.kernel(k, n, passes);
        return ref.sum(k, n);
    }

    /** The whole table [part][kernel] of checksums. */
    static double[][] table() {
        double[][] table = new double[LfkParams.PARTS][LfkParams.KERNELS + 1];
        for (int part = 0; part < LfkParams.PARTS; part++) {
            for (int k = 1; k <= LfkParams.KERNELS; k++) {
                table[part][k] = checksum(k, LfkParams.SPAN[part][k], LfkParams.passes(part, k));
            }
        }
        return table;
    }

    private void setUp(int n) {
        for (LfkArray a : LfkArray.values()) {
            if (a.integer()) {
                int[] v = new int[a.length()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = LfkInputs.intValue(a, i, n);
                }
                ints.put(a, v);
            } else {
                double[] v = new double[a.length()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = LfkInputs.value(a, i, n);
                }
                reals.put(a, v);
            }
        }
        stb5 = scalar(LfkInputs.STB5);
    }

    private double[] r(LfkArray a) {
        return reals.get(a);
    }

    private int[] i(LfkArray a) {
        return ints.get(a);
    }

    /** Flat index of {@code A(i,j)} with leading dimension {@code d1}. */
    private static int at(int i, int j, int d1) {
        return (i - 1) + d1 * (j - 1);
    }

    private static double max(double p, double q) {
        return p > q ? p : q;
    }

    private static int mod2n(long i, int j) {
        return (int) (i & (j - 1));
    }

    private void kernel(int kernel, int n, int loop) {
        double[] x = r(LfkArray.X);
        double[] y = r(LfkArray.Y);
        double[] z = r(LfkArray.Z);
        double[] u = r(LfkArray.U);
        double[] v = r(LfkArray.V);
        double[] w = r(LfkArray.W);
        double qc = scalar(LfkInputs.Q);
        double rc = scalar(LfkInputs.R);
        double tc = scalar(LfkInputs.T);
        double sc = scalar(LfkInputs.S);
        switch (kernel) {
            case 1 -> {
                for (int l = 1; l <= loop; l++) {
                    for (int k = 1; k <= n; k++) {
                        x[k - 1] = qc + y[k - 1] * (rc * z[k + 10 - 1] + tc * z[k + 11 - 1]);
                    }
                }
            }
            case 2 -> {
                for (int l = 1; l <= loop; l++) {
                    int ii = n;
                    int ipntp = 0;
                    do {
                        int ipnt = ipntp;
                        ipntp = ipntp + ii;
                        ii = ii / 2;
                        int i = ipntp + 1;
                        for (int k = ipnt + 2; k <= ipntp; k += 2) {
                            i = i + 1;
                            x[i - 1] = x[k - 1] - v[k - 1] * x[k - 1 - 1] - v[k + 1 - 1] * x[k + 1 - 1];
                        }
                    } while (ii > 1);
                }
            }
            case 3 -> {
                for (int l = 1; l <= loop; l++) {
                    q = 0.0;
                    for (int k = 1; k <= n; k++) {
                        q = q + z[k - 1] * x[k - 1];
                    }
                }
            }
            case 4 -> {
                int m = (1001 - 7) / 2;
                for (int l = 1; l <= loop; l++) {
                    for (int k = 7; k <= 1001; k += m) {
                        int lw = k - 6;
                        double temp = x[k - 1 - 1];
                        for (int j = 5; j <= n; j += 5) {
                            temp = temp - x[lw - 1] * y[j - 1];
                            lw = lw + 1;
                        }
                        x[k - 1 - 1] = y[5 - 1] * temp;
                    }
                }
            }
            case 5 -> {
                for (int l = 1; l <= loop; l++) {
                    for (int i = 2; i <= n; i++) {
                        x[i - 1] = z[i - 1] * (y[i - 1] - x[i - 1 - 1]);
                    }
                }
            }
            case 6 -> {
                double[] b = r(LfkArray.B);
                for (int l = 1; l <= loop; l++) {
                    for (int i = 2; i <= n; i++) {
                        w[i - 1] = 0.0100;
                        for (int k = 1; k <= i - 1; k++) {
                            w[i - 1] = w[i - 1] + b[at(i, k, 64)] * w[i - k - 1];
                        }
                    }
                }
            }
            case 7 -> {
                for (int l = 1; l <= loop; l++) {
                    for (int k = 1; k <= n; k++) {
                        x[k - 1] = u[k - 1] + rc * (z[k - 1] + rc * y[k - 1])
                                + tc * (u[k + 3 - 1] + rc * (u[k + 2 - 1] + rc * u[k + 1 - 1])
                                + tc * (u[k + 6 - 1] + qc * (u[k + 5 - 1] + qc * u[k + 4 - 1])));
                    }
                }
            }
            case 8 -> adi(n, loop);
            case 9 -> {
                double[] px = r(LfkArray.PX);
                double[] dm = new double[29];
                for (int m = 22; m <= 28; m++) {
                    dm[m] = scalar(LfkInputs.DM22 + m - 22);
                }
                double c0 = scalar(LfkInputs.C0);
                for (int l = 1; l <= loop; l++) {
                    for (int i = 1; i <= n; i++) {
                        px[at(1, i, 25)] = dm[28] * px[at(13, i, 25)] + dm[27] * px[at(12, i, 25)]
                                + dm[26] * px[at(11, i, 25)] + dm[25] * px[at(10, i, 25)]
                                + dm[24] * px[at(9, i, 25)] + dm[23] * px[at(8, i, 25)]
                                + dm[22] * px[at(7, i, 25)] + c0 * (px[at(5, i, 25)] + px[at(6, i, 25)])
                                + px[at(3, i, 25)];
                    }
                }
            }
            case 10 -> {
                double[] px = r(LfkArray.PX);
                double[] cx = r(LfkArray.CX);
                for (int l = 1; l <= loop; l++) {
                    for (int i = 1; i <= n; i++) {
                        double ar = cx[at(5, i, 25)];
                        double br = ar - px[at(5, i, 25)];
                        px[at(5, i, 25)] = ar;
                        double cr = br - px[at(6, i, 25)];
                        px[at(6, i, 25)] = br;
                        ar = cr - px[at(7, i, 25)];
                        px[at(7, i, 25)] = cr;
                        br = ar - px[at(8, i, 25)];
                        px[at(8, i, 25)] = ar;
                        cr = br - px[at(9, i, 25)];
                        px[at(9, i, 25)] = br;
                        ar = cr - px[at(10, i, 25)];
                        px[at(10, i, 25)] = cr;
                        br = ar - px[at(11, i, 25)];
                        px[at(11, i, 25)] = ar;
                        cr = br - px[at(12, i, 25)];
                        px[at(12, i, 25)] = br;
                        px[at(14, i, 25)] = cr - px[at(13, i, 25)];
                        px[at(13, i, 25)] = cr;
                    }
                }
            }
            case 11 -> {
                for (int l = 1; l <= loop; l++) {
                    x[0] = y[0];
                    for (int k = 2; k <= n; k++) {
                        x[k - 1] = x[k - 1 - 1] + y[k - 1];
                    }
                }
            }
            case 12 -> {
                for (int l = 1; l <= loop; l++) {
                    for (int k = 1; k <= n; k++) {
                        x[k - 1] = y[k + 1 - 1] - y[k - 1];
                    }
                }
            }
            case 13 -> pic2d(n, loop);
            case 14 -> pic1d(n, loop);
            case 15 -> casual(n, loop);
            case 16 -> monteCarlo(n, loop);
            case 17 -> implicitConditional(n, loop);
            case 18 -> hydro2d(n, loop);
            case 19 -> {
                double[] b5 = r(LfkArray.B5);
                double[] sa = r(LfkArray.SA);
                double[] sb = r(LfkArray.SB);
                int kb5i = 0;
                for (int l = 1; l <= loop; l++) {
                    for (int k = 1; k <= n; k++) {
                        b5[k + kb5i - 1] = sa[k - 1] + stb5 * sb[k - 1];
                        stb5 = b5[k + kb5i - 1] - stb5;
                    }
                    for (int i = 1; i <= n; i++) {
                        int k = n - i + 1;
                        b5[k + kb5i - 1] = sa[k - 1] + stb5 * sb[k - 1];
                        stb5 = b5[k + kb5i - 1] - stb5;
                    }
                }
            }
            case 20 -> {
                double[] g = r(LfkArray.G);
                double[] xx = r(LfkArray.XX);
                double[] vx = r(LfkArray.VX);
                double dk = scalar(LfkInputs.DK);
                for (int l = 1; l <= loop; l++) {
                    for (int k = 1; k <= n; k++) {
                        double di = y[k - 1] - g[k - 1] / (xx[k - 1] + dk);
                        double dn = 0.2;
                        if (di != 0.0) {
                            double ratio = z[k - 1] / di;
                            double lower = ratio < tc ? ratio : tc;
                            dn = sc > lower ? sc : lower;
                        }
                        x[k - 1] = ((w[k - 1] + v[k - 1] * dn) * xx[k - 1] + u[k - 1]) / (vx[k - 1] + v[k - 1] * dn);
                        xx[k + 1 - 1] = (x[k - 1] - xx[k - 1]) * dn + xx[k - 1];
                    }
                }
            }
            case 21 -> {
                double[] px = r(LfkArray.PX);
                double[] vy = r(LfkArray.VY);
                double[] cx = r(LfkArray.CX);
                for (int l = 1; l <= loop; l++) {
                    for (int k = 1; k <= 25; k++) {
                        for (int i = 1; i <= 25; i++) {
                            for (int j = 1; j <= n; j++) {
                                px[at(i, j, 25)] = px[at(i, j, 25)] + vy[at(i, k, 101)] * cx[at(k, j, 25)];
                            }
                        }
                    }
                }
            }
            case 22 -> {
                for (int l = 1; l <= loop; l++) {
                    for (int k = 1; k <= n; k++) {
                        y[k - 1] = u[k - 1] / v[k - 1];
                        w[k - 1] = x[k - 1] / (StrictMath.exp(y[k - 1]) - 1.0);
                    }
                }
            }
            case 23 -> {
                double[] za = r(LfkArray.ZA);
                double[] zb = r(LfkArray.ZB);
                double[] zr = r(LfkArray.ZR);
                double[] zu = r(LfkArray.ZU);
                double[] zv = r(LfkArray.ZV);
                double[] zz = r(LfkArray.ZZ);
                for (int l = 1; l <= loop; l++) {
                    for (int j = 2; j <= 6; j++) {
                        for (int k = 2; k <= n; k++) {
                            double qa = za[at(k, j + 1, 101)] * zr[at(k, j, 101)]
                                    + za[at(k, j - 1, 101)] * zb[at(k, j, 101)]
                                    + za[at(k + 1, j, 101)] * zu[at(k, j, 101)]
                                    + za[at(k - 1, j, 101)] * zv[at(k, j, 101)] + zz[at(k, j, 101)];
                            za[at(k, j, 101)] = za[at(k, j, 101)] + .175 * (qa - za[at(k, j, 101)]);
                        }
                    }
                }
            }
            case 24 -> {
                for (int l = 1; l <= loop; l++) {
                    int m = 1;
                    for (int k = 2; k <= n; k++) {
                        if (x[k - 1] < x[m - 1]) {
                            m = k;
                        }
                    }
                    m24 = m - 1; // the program reports the 0-based location
                }
            }
            default -> throw new IllegalArgumentException("kernel " + kernel);
        }
    }

    private void adi(int n, int loop) {
        double[] u1 = r(LfkArray.U1);
        double[] u2 = r(LfkArray.U2);
        double[] u3 = r(LfkArray.U3);
        double[] du1 = r(LfkArray.DU1);
        double[] du2 = r(LfkArray.DU2);
        double[] du3 = r(LfkArray.DU3);
        double sig = scalar(LfkInputs.SIG);
        double[][] aa = new double[4][4];
        for (int i = 1; i <= 3; i++) {
            for (int j = 1; j <= 3; j++) {
                aa[i][j] = scalar(LfkInputs.A11 + 3 * (i - 1) + (j - 1));
            }
        }
        int nl1 = 1;
        int nl2 = 2;
        for (int l = 1; l <= loop; l++) {
            for (int kx = 2; kx <= 3; kx++) {
                for (int ky = 2; ky <= n; ky++) {
                    du1[ky - 1] = u1[u(kx, ky + 1, nl1)] - u1[u(kx, ky - 1, nl1)];
                    du2[ky - 1] = u2[u(kx, ky + 1, nl1)] - u2[u(kx, ky - 1, nl1)];
                    du3[ky - 1] = u3[u(kx, ky + 1, nl1)] - u3[u(kx, ky - 1, nl1)];
                    u1[u(kx, ky, nl2)] = u1[u(kx, ky, nl1)] + aa[1][1] * du1[ky - 1] + aa[1][2] * du2[ky - 1]
                            + aa[1][3] * du3[ky - 1]
                            + sig * (u1[u(kx + 1, ky, nl1)] - 2. * u1[u(kx, ky, nl1)] + u1[u(kx - 1, ky, nl1)]);
                    u2[u(kx, ky, nl2)] = u2[u(kx, ky, nl1)] + aa[2][1] * du1[ky - 1] + aa[2][2] * du2[ky - 1]
                            + aa[2][3] * du3[ky - 1]
                            + sig * (u2[u(kx + 1, ky, nl1)] - 2. * u2[u(kx, ky, nl1)] + u2[u(kx - 1, ky, nl1)]);
                    u3[u(kx, ky, nl2)] = u3[u(kx, ky, nl1)] + aa[3][1] * du1[ky - 1] + aa[3][2] * du2[ky - 1]
                            + aa[3][3] * du3[ky - 1]
                            + sig * (u3[u(kx + 1, ky, nl1)] - 2. * u3[u(kx, ky, nl1)] + u3[u(kx - 1, ky, nl1)]);
                }
            }
        }
    }

    /** Flat index of {@code U(kx,ky,nl)} with dimensions (5,101,2). */
    private static int u(int kx, int ky, int nl) {
        return (kx - 1) + 5 * (ky - 1) + 505 * (nl - 1);
    }

    private void pic2d(int n, int loop) {
        double[] p = r(LfkArray.P);
        double[] b = r(LfkArray.B);
        double[] c = r(LfkArray.C);
        double[] h = r(LfkArray.H);
        double[] y = r(LfkArray.Y);
        double[] z = r(LfkArray.Z);
        int[] e = i(LfkArray.E);
        int[] f = i(LfkArray.F);
        for (int l = 1; l <= loop; l++) {
            for (int ip = 1; ip <= n; ip++) {
                long i1 = (long) p[at(1, ip, 4)];
                long j1 = (long) p[at(2, ip, 4)];
                int ii1 = 1 + mod2n(i1, 64);
                int jj1 = 1 + mod2n(j1, 64);
                p[at(3, ip, 4)] = p[at(3, ip, 4)] + b[at(ii1, jj1, 64)];
                p[at(4, ip, 4)] = p[at(4, ip, 4)] + c[at(ii1, jj1, 64)];
                p[at(1, ip, 4)] = p[at(1, ip, 4)] + p[at(3, ip, 4)];
                p[at(2, ip, 4)] = p[at(2, ip, 4)] + p[at(4, ip, 4)];
                long i2 = (long) p[at(1, ip, 4)];
                long j2 = (long) p[at(2, ip, 4)];
                int ii2 = mod2n(i2, 64);
                int jj2 = mod2n(j2, 64);
                p[at(1, ip, 4)] = p[at(1, ip, 4)] + y[ii2 + 32 - 1];
                p[at(2, ip, 4)] = p[at(2, ip, 4)] + z[jj2 + 32 - 1];
                ii2 = ii2 + e[ii2 + 32 - 1];
                jj2 = jj2 + f[jj2 + 32 - 1];
                h[at(ii2, jj2, 64)] = h[at(ii2, jj2, 64)] + 1.0;
            }
        }
    }

    private void pic1d(int n, int loop) {
        double[] vx = r(LfkArray.VX);
        double[] xx = r(LfkArray.XX);
        int[] ix = i(LfkArray.IX);
        double[] xi = r(LfkArray.XI);
        double[] ex = r(LfkArray.EX);
        double[] ex1 = r(LfkArray.EX1);
        double[] dex = r(LfkArray.DEX);
        double[] dex1 = r(LfkArray.DEX1);
        double[] grd = r(LfkArray.GRD);
        int[] ir = i(LfkArray.IR);
        double[] rx = r(LfkArray.RX);
        double[] rh = r(LfkArray.RH);
        double flx = LfkInputs.FLX;
        for (int l = 1; l <= loop; l++) {
            for (int k = 1; k <= n; k++) {
                vx[k - 1] = 0.0;
                xx[k - 1] = 0.0;
                ix[k - 1] = (int) grd[k - 1];
                xi[k - 1] = ix[k - 1];
                ex1[k - 1] = ex[ix[k - 1] - 1];
                dex1[k - 1] = dex[ix[k - 1] - 1];
            }
            for (int k = 1; k <= n; k++) {
                vx[k - 1] = vx[k - 1] + ex1[k - 1] + (xx[k - 1] - xi[k - 1]) * dex1[k - 1];
                xx[k - 1] = xx[k - 1] + vx[k - 1] + flx;
                ir[k - 1] = (int) xx[k - 1];
                rx[k - 1] = xx[k - 1] - ir[k - 1];
                ir[k - 1] = mod2n(ir[k - 1], 2048) + 1;
                xx[k - 1] = rx[k - 1] + ir[k - 1];
            }
            for (int k = 1; k <= n; k++) {
                rh[ir[k - 1] - 1] = rh[ir[k - 1] - 1] + 1.0 - rx[k - 1];
                rh[ir[k - 1] + 1 - 1] = rh[ir[k - 1] + 1 - 1] + rx[k - 1];
            }
        }
    }

    private void casual(int n, int loop) {
        double[] vy = r(LfkArray.VY);
        double[] vs = r(LfkArray.VS);
        double[] vh = r(LfkArray.VH);
        double[] vf = r(LfkArray.VF);
        double[] vg = r(LfkArray.VG);
        int ng = 7;
        int nz = n;
        double ar = 0.053;
        double br = 0.073;
        for (int l = 1; l <= loop; l++) {
            for (int j = 2; j <= ng; j++) {
                for (int k = 2; k <= nz; k++) {
                    if (j >= ng) {
                        vy[at(k, j, 101)] = 0.0;
                        continue;
                    }
                    double t = vh[at(k, j + 1, 101)] - vh[at(k, j, 101)] > 0 ? ar : br;
                    double r;
                    double s;
                    if (vf[at(k, j, 101)] - vf[at(k - 1, j, 101)] < 0) {
                        r = max(vh[at(k - 1, j, 101)], vh[at(k - 1, j + 1, 101)]);
                        s = vf[at(k - 1, j, 101)];
                    } else {
                        r = max(vh[at(k, j, 101)], vh[at(k, j + 1, 101)]);
                        s = vf[at(k, j, 101)];
                    }
                    vy[at(k, j, 101)] = Math.sqrt(vg[at(k, j, 101)] * vg[at(k, j, 101)] + r * r) * t / s;
                    if (k >= nz) {
                        vs[at(k, j, 101)] = 0.;
                        continue;
                    }
                    if (vf[at(k, j, 101)] - vf[at(k, j - 1, 101)] < 0) {
                        r = max(vg[at(k, j - 1, 101)], vg[at(k + 1, j - 1, 101)]);
                        s = vf[at(k, j - 1, 101)];
                        t = br;
                    } else {
                        r = max(vg[at(k, j, 101)], vg[at(k + 1, j, 101)]);
                        s = vf[at(k, j, 101)];
                        t = ar;
                    }
                    vs[at(k, j, 101)] = Math.sqrt(vh[at(k, j, 101)] * vh[at(k, j, 101)] + r * r) * t / s;
                }
            }
        }
    }

    /** Kernel 16 with the report's labels as a state machine. */
    private void monteCarlo(int n, int loop) {
        int[] zone = i(LfkArray.ZONE);
        double[] plan = r(LfkArray.PLAN);
        double[] d = r(LfkArray.D);
        double rr = d[n - 1];
        double ss = d[n - 1 - 1];
        double tt = d[n - 2 - 1];
        int ii = n / 3;
        int lb = ii + ii;
        k2 = 0;
        k3 = 0;
        int m = 1;
        for (int l = 1; l <= loop; l++) {
            m = 1;
            int i1 = m;
            int label = 410;
            int j2 = 0;
            int k = 0;
            int j4 = 0;
            double diff = 0;
            while (label != 485) {
                switch (label) {
                    case 410 -> {
                        j2 = (n + n) * (m - 1) + 1;
                        k = 1;
                        label = 401;
                    }
                    case 401 -> { // body of DO 470 k = 1, n
                        k2 = k2 + 1;
                        j4 = j2 + k + k;
                        j5 = zone[j4 - 1];
                        label = j5 - n < 0 ? 420 : j5 - n == 0 ? 485 : 450;
                    }
                    case 415 -> label = j5 - n + ii < 0 ? 430 : 425;
                    case 420 -> label = j5 - n + lb < 0 ? 435 : 415;
                    case 425 -> {
                        diff = plan[j5 - 1] - rr;
                        label = diff < 0 ? 445 : diff == 0 ? 485 : 440;
                    }
                    case 430 -> {
                        diff = plan[j5 - 1] - ss;
                        label = diff < 0 ? 445 : diff == 0 ? 485 : 440;
                    }
                    case 435 -> {
                        diff = plan[j5 - 1] - tt;
                        label = diff < 0 ? 445 : diff == 0 ? 485 : 440;
                    }
                    case 440 -> label = zone[j4 - 1 - 1] < 0 ? 455 : zone[j4 - 1 - 1] == 0 ? 485 : 470;
                    case 445 -> label = zone[j4 - 1 - 1] < 0 ? 470 : zone[j4 - 1 - 1] == 0 ? 485 : 455;
                    case 450 -> {
                        k3 = k3 + 1;
                        double a = tt - d[j5 - 2 - 1];
                        double b = ss - d[j5 - 3 - 1];
                        double c = rr - d[j5 - 4 - 1];
                        diff = d[j5 - 1] - (d[j5 - 1 - 1] * (a * a) + b * b + c * c);
                        label = diff < 0 ? 445 : diff == 0 ? 485 : 440;
                    }
                    case 455 -> {
                        m = m + 1;
                        if (m - zone[0] > 0) {
                            m = 1;
                        }
                        label = i1 - m != 0 ? 410 : 485;
                    }
                    case 470 -> {
                        k = k + 1;
                        label = k <= n ? 401 : 485;
                    }
                    default -> throw new IllegalStateException("label " + label);
                }
            }
        }
        m16 = m;
    }

    private void implicitConditional(int n, int loop) {
        double[] vsp = r(LfkArray.VSP);
        double[] vstp = r(LfkArray.VSTP);
        double[] vxne = r(LfkArray.VXNE);
        double[] vxnd = r(LfkArray.VXND);
        double[] ve3 = r(LfkArray.VE3);
        double[] vlr = r(LfkArray.VLR);
        double[] vlin = r(LfkArray.VLIN);
        for (int l = 1; l <= loop; l++) {
            int i = n;
            int j = 1;
            int ink = -1;
            double scale = 5. / 3.;
            xnm = 1. / 3.;
            double e6 = 1.03 / 3.07;
            int label = 61;
            while (label != 62) {
                if (label == 60) {
                    e6 = xnm * vsp[i - 1] + vstp[i - 1];
                    vxne[i - 1] = e6;
                    xnm = e6;
                    ve3[i - 1] = e6;
                    i = i + ink;
                    label = i == j ? 62 : 61;
                    continue;
                }
                double e3 = xnm * vlr[i - 1] + vlin[i - 1];
                double xnei = vxne[i - 1];
                vxnd[i - 1] = e6;
                double xnc = scale * e3;
                if (xnm > xnc) {
                    label = 60;
                    continue;
                }
                if (xnei > xnc) {
                    label = 60;
                    continue;
                }
                ve3[i - 1] = e3;
                e6 = e3 + e3 - xnm;
                vxne[i - 1] = e3 + e3 - xnei;
                xnm = e6;
                i = i + ink;
                label = i != j ? 61 : 62;
            }
        }
    }

    private void hydro2d(int n, int loop) {
        double[] za = r(LfkArray.ZA);
        double[] zb = r(LfkArray.ZB);
        double[] zp = r(LfkArray.ZP);
        double[] zq = r(LfkArray.ZQ);
        double[] zr = r(LfkArray.ZR);
        double[] zm = r(LfkArray.ZM);
        double[] zu = r(LfkArray.ZU);
        double[] zv = r(LfkArray.ZV);
        double[] zz = r(LfkArray.ZZ);
        for (int l = 1; l <= loop; l++) {
            double t = 0.0037;
            double s = 0.0041;
            int kn = 6;
            int jn = n;
            for (int k = 2; k <= kn; k++) {
                for (int j = 2; j <= jn; j++) {
                    za[at(j, k, 101)] = (zp[at(j - 1, k + 1, 101)] + zq[at(j - 1, k + 1, 101)]
                            - zp[at(j - 1, k, 101)] - zq[at(j - 1, k, 101)])
                            * (zr[at(j, k, 101)] + zr[at(j - 1, k, 101)])
                            / (zm[at(j - 1, k, 101)] + zm[at(j - 1, k + 1, 101)]);
                    zb[at(j, k, 101)] = (zp[at(j - 1, k, 101)] + zq[at(j - 1, k, 101)]
                            - zp[at(j, k, 101)] - zq[at(j, k, 101)])
                            * (zr[at(j, k, 101)] + zr[at(j, k - 1, 101)])
                            / (zm[at(j, k, 101)] + zm[at(j - 1, k, 101)]);
                }
            }
            for (int k = 2; k <= kn; k++) {
                for (int j = 2; j <= jn; j++) {
                    zu[at(j, k, 101)] = zu[at(j, k, 101)] + s * (za[at(j, k, 101)] * (zz[at(j, k, 101)] - zz[at(j + 1, k, 101)])
                            - za[at(j - 1, k, 101)] * (zz[at(j, k, 101)] - zz[at(j - 1, k, 101)])
                            - zb[at(j, k, 101)] * (zz[at(j, k, 101)] - zz[at(j, k - 1, 101)])
                            + zb[at(j, k + 1, 101)] * (zz[at(j, k, 101)] - zz[at(j, k + 1, 101)]));
                    zv[at(j, k, 101)] = zv[at(j, k, 101)] + s * (za[at(j, k, 101)] * (zr[at(j, k, 101)] - zr[at(j + 1, k, 101)])
                            - za[at(j - 1, k, 101)] * (zr[at(j, k, 101)] - zr[at(j - 1, k, 101)])
                            - zb[at(j, k, 101)] * (zr[at(j, k, 101)] - zr[at(j, k - 1, 101)])
                            + zb[at(j, k + 1, 101)] * (zr[at(j, k, 101)] - zr[at(j, k + 1, 101)]));
                }
            }
            for (int k = 2; k <= kn; k++) {
                for (int j = 2; j <= jn; j++) {
                    zr[at(j, k, 101)] = zr[at(j, k, 101)] + t * zu[at(j, k, 101)];
                    zz[at(j, k, 101)] = zz[at(j, k, 101)] + t * zv[at(j, k, 101)];
                }
            }
        }
    }

    /** The checksum by its definition. */
    private double sum(int k, int n) {
        int grid = 7 * 101;
        return switch (k) {
            case 1, 5, 7, 11, 12 -> weighted(0.0, LfkArray.X, n);
            case 2 -> weighted(0.0, LfkArray.X, 2 * n);
            case 3 -> q;
            case 4 -> weighted(0.0, LfkArray.X, 1001);
            case 6 -> weighted(0.0, LfkArray.W, n);
            case 8 -> weighted(weighted(weighted(0.0, LfkArray.U1, 1010), LfkArray.U2, 1010), LfkArray.U3, 1010);
            case 9, 10, 21 -> weighted(0.0, LfkArray.PX, 25 * n);
            case 13 -> weighted(weighted(0.0, LfkArray.P, 4 * n), LfkArray.H, 4096);
            case 14 -> weighted(weighted(weighted(0.0, LfkArray.XX, n), LfkArray.VX, n), LfkArray.RH, 2049);
            case 15 -> weighted(weighted(0.0, LfkArray.VY, grid), LfkArray.VS, grid);
            case 16 -> k2 + 2.0 * k3 + 3.0 * j5 + 4.0 * m16;
            case 17 -> weighted(weighted(weighted(0.0, LfkArray.VXNE, n), LfkArray.VXND, n), LfkArray.VE3, n) + xnm;
            case 18 -> weighted(weighted(weighted(weighted(0.0, LfkArray.ZR, grid), LfkArray.ZZ, grid), LfkArray.ZU, grid),
                    LfkArray.ZV, grid);
            case 19 -> weighted(0.0, LfkArray.B5, n) + stb5;
            case 20 -> weighted(weighted(0.0, LfkArray.X, n), LfkArray.XX, n + 1);
            case 22 -> weighted(weighted(0.0, LfkArray.W, n), LfkArray.Y, n);
            case 23 -> weighted(0.0, LfkArray.ZA, grid);
            case 24 -> m24;
            default -> throw new IllegalArgumentException("kernel " + k);
        };
    }

    private double weighted(double start, LfkArray a, int count) {
        double[] v = r(a);
        double s = start;
        for (int i = 1; i <= count; i++) {
            s = s + i * v[i - 1];
        }
        return s;
    }
}
