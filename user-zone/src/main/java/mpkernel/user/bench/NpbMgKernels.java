package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/**
 * The grid operators of NPB MG on periodic cubic grids stored with one ghost layer on each side:
 * a grid of {@code m = 2^k + 2} points per dimension lives at element {@code base} of a segment,
 * point (i1, i2, i3) at {@code base + i1 + m*(i2 + m*i3)}, interior 1..m-2, with ghost planes
 * refreshed by {@link #periodic} after every operator that writes a grid.
 *
 * <p>Specification: RNR-94-007 section 2.6 "Multigrid": the 27-point operators A (residual),
 * S (smoother), P (restriction, full weighting) and Q (trilinear prolongation), whose coefficients
 * depend only on the distance class of the neighbour (centre, face, edge, corner). A and S are
 * evaluated as in NPB by first summing each line's face and edge neighbours in the two outer
 * dimensions, which halves the additions.
 */
final class NpbMgKernels {

    private static final double A0 = -8.0 / 3.0;
    private static final double A2 = 1.0 / 6.0;
    private static final double A3 = 1.0 / 12.0;
    // Smoother coefficients of classes S, W and A (c3 = 0).
    private static final double C0 = -3.0 / 8.0;
    private static final double C1 = 1.0 / 32.0;
    private static final double C2 = -1.0 / 64.0;

    private final MemorySegment line1;
    private final MemorySegment line2;
    private final MemorySegment line3;

    /** Operators with line buffers for grids of up to {@code maxPoints} points per dimension. */
    NpbMgKernels(int maxPoints, BenchMemory memory) {
        line1 = memory.doubles(maxPoints);
        line2 = memory.doubles(maxPoints);
        line3 = memory.doubles(maxPoints);
    }

    private static double get(MemorySegment s, long i) {
        return s.getAtIndex(JAVA_DOUBLE, i);
    }

    private static void set(MemorySegment s, long i, double v) {
        s.setAtIndex(JAVA_DOUBLE, i, v);
    }

    /** Sets a grid to zero. */
    static void zero(MemorySegment s, long base, int m) {
        long points = (long) m * m * m;
        s.asSlice(base * Double.BYTES, points * Double.BYTES).fill((byte) 0);
    }

    /** Copies the periodic images into the ghost layers (NPB's comm3). */
    static void periodic(MemorySegment u, long base, int m) {
        long plane = (long) m * m;
        for (int i3 = 1; i3 < m - 1; i3++) {
            for (int i2 = 1; i2 < m - 1; i2++) {
                long row = base + (long) m * i2 + plane * i3;
                set(u, row, get(u, row + m - 2));
                set(u, row + m - 1, get(u, row + 1));
            }
        }
        long rowBytes = (long) m * Double.BYTES;
        for (int i3 = 1; i3 < m - 1; i3++) {
            long p = base + plane * i3;
            MemorySegment.copy(u, (p + (long) m * (m - 2)) * Double.BYTES, u, p * Double.BYTES, rowBytes);
            MemorySegment.copy(u, (p + m) * Double.BYTES, u, (p + (long) m * (m - 1)) * Double.BYTES, rowBytes);
        }
        long planeBytes = plane * Double.BYTES;
        MemorySegment.copy(u, (base + plane * (m - 2)) * Double.BYTES, u, base * Double.BYTES, planeBytes);
        MemorySegment.copy(u, (base + plane) * Double.BYTES, u, (base + plane * (m - 1)) * Double.BYTES, planeBytes);
    }

    /** {@code r = v - A u} (v and r may be the same grid), then ghosts of r. */
    void residual(MemorySegment u, long ub, MemorySegment v, long vb, MemorySegment r, long rb, int m) {
        long plane = (long) m * m;
        for (int i3 = 1; i3 < m - 1; i3++) {
            for (int i2 = 1; i2 < m - 1; i2++) {
                long offset = (long) m * i2 + plane * i3;
                long c = ub + offset;
                neighbourSums(u, c, m, plane);
                long vr = vb + offset;
                long rr = rb + offset;
                for (int i1 = 1; i1 < m - 1; i1++) {
                    set(r, rr + i1, get(v, vr + i1)
                            - A0 * get(u, c + i1)
                            - A2 * (get(line2, i1) + get(line1, i1 - 1) + get(line1, i1 + 1))
                            - A3 * (get(line2, i1 - 1) + get(line2, i1 + 1)));
                }
            }
        }
        periodic(r, rb, m);
    }

    /** Smoother {@code u = u + S r}, then ghosts of u. */
    void smooth(MemorySegment r, long rb, MemorySegment u, long ub, int m) {
        long plane = (long) m * m;
        for (int i3 = 1; i3 < m - 1; i3++) {
            for (int i2 = 1; i2 < m - 1; i2++) {
                long offset = (long) m * i2 + plane * i3;
                long c = rb + offset;
                neighbourSums(r, c, m, plane);
                long uu = ub + offset;
                for (int i1 = 1; i1 < m - 1; i1++) {
                    set(u, uu + i1, get(u, uu + i1)
                            + C0 * get(r, c + i1)
                            + C1 * (get(r, c + i1 - 1) + get(r, c + i1 + 1) + get(line1, i1))
                            + C2 * (get(line2, i1) + get(line1, i1 - 1) + get(line1, i1 + 1)));
                }
            }
        }
        periodic(u, ub, m);
    }

    /** For the line at {@code c}: line1 = sum of the 4 face neighbours, line2 = of the 4 edge neighbours, in the outer dimensions. */
    private void neighbourSums(MemorySegment s, long c, int m, long plane) {
        long ym = c - m;
        long yp = c + m;
        for (int i1 = 0; i1 < m; i1++) {
            set(line1, i1, get(s, ym + i1) + get(s, yp + i1) + get(s, c - plane + i1) + get(s, c + plane + i1));
            set(line2, i1, get(s, ym - plane + i1) + get(s, yp - plane + i1)
                    + get(s, ym + plane + i1) + get(s, yp + plane + i1));
        }
    }

    /** Full-weighting restriction of fine grid r (m points) onto coarse grid s (m/2 + 1 points), then ghosts of s. */
    void restrict(MemorySegment r, long rb, int m, MemorySegment s, long sb, int mc) {
        long plane = (long) m * m;
        long coarsePlane = (long) mc * mc;
        for (int j3 = 1; j3 < mc - 1; j3++) {
            int i3 = 2 * j3;
            for (int j2 = 1; j2 < mc - 1; j2++) {
                int i2 = 2 * j2;
                long c = rb + (long) m * i2 + plane * i3;
                for (int j1 = 1; j1 < mc; j1++) {
                    long i = c + 2L * j1 - 1;
                    set(line1, 2L * j1 - 1, get(r, i - m) + get(r, i + m) + get(r, i - plane) + get(r, i + plane));
                    set(line2, 2L * j1 - 1, get(r, i - m - plane) + get(r, i - m + plane)
                            + get(r, i + m - plane) + get(r, i + m + plane));
                }
                long out = sb + (long) mc * j2 + coarsePlane * j3;
                for (int j1 = 1; j1 < mc - 1; j1++) {
                    int i1 = 2 * j1;
                    long i = c + i1;
                    double y2 = get(r, i - m - plane) + get(r, i - m + plane) + get(r, i + m - plane) + get(r, i + m + plane);
                    double x2 = get(r, i - m) + get(r, i + m) + get(r, i - plane) + get(r, i + plane);
                    set(s, out + j1, 0.5 * get(r, i)
                            + 0.25 * (get(r, i - 1) + get(r, i + 1) + x2)
                            + 0.125 * (get(line1, i1 - 1) + get(line1, i1 + 1) + y2)
                            + 0.0625 * (get(line2, i1 - 1) + get(line2, i1 + 1)));
                }
            }
        }
        periodic(s, sb, mc);
    }

    /** Trilinear prolongation of coarse grid z (mc points) added into fine grid u (m = 2 mc - 2 points), ghosts included. */
    void prolongate(MemorySegment z, long zb, int mc, MemorySegment u, long ub, int m) {
        long plane = (long) m * m;
        long coarsePlane = (long) mc * mc;
        for (int c3 = 0; c3 < mc - 1; c3++) {
            for (int c2 = 0; c2 < mc - 1; c2++) {
                long zc = zb + (long) mc * c2 + coarsePlane * c3;
                for (int c1 = 0; c1 < mc; c1++) {
                    double here = get(z, zc + c1);
                    double z1 = get(z, zc + mc + c1) + here;
                    set(line1, c1, z1);
                    set(line2, c1, get(z, zc + coarsePlane + c1) + here);
                    set(line3, c1, get(z, zc + mc + coarsePlane + c1) + get(z, zc + coarsePlane + c1) + z1);
                }
                long f00 = ub + (long) m * (2 * c2) + plane * (2 * c3);
                long f10 = f00 + m;
                long f01 = f00 + plane;
                long f11 = f10 + plane;
                for (int c1 = 0; c1 < mc - 1; c1++) {
                    long e = 2L * c1;
                    add(u, f00 + e, get(z, zc + c1));
                    add(u, f00 + e + 1, 0.5 * (get(z, zc + c1 + 1) + get(z, zc + c1)));
                }
                for (int c1 = 0; c1 < mc - 1; c1++) {
                    long e = 2L * c1;
                    add(u, f10 + e, 0.5 * get(line1, c1));
                    add(u, f10 + e + 1, 0.25 * (get(line1, c1) + get(line1, c1 + 1)));
                }
                for (int c1 = 0; c1 < mc - 1; c1++) {
                    long e = 2L * c1;
                    add(u, f01 + e, 0.5 * get(line2, c1));
                    add(u, f01 + e + 1, 0.25 * (get(line2, c1) + get(line2, c1 + 1)));
                }
                for (int c1 = 0; c1 < mc - 1; c1++) {
                    long e = 2L * c1;
                    add(u, f11 + e, 0.25 * get(line3, c1));
                    add(u, f11 + e + 1, 0.125 * (get(line3, c1) + get(line3, c1 + 1)));
                }
            }
        }
    }

    private static void add(MemorySegment s, long i, double v) {
        set(s, i, get(s, i) + v);
    }

    /** L2 norm of the interior divided by sqrt(points): {@code sqrt(sum r^2 / n^3)} (NPB's norm2u3). */
    static double norm(MemorySegment r, long base, int m) {
        long plane = (long) m * m;
        double sum = 0.0;
        for (int i3 = 1; i3 < m - 1; i3++) {
            for (int i2 = 1; i2 < m - 1; i2++) {
                long row = base + (long) m * i2 + plane * i3;
                for (int i1 = 1; i1 < m - 1; i1++) {
                    double x = get(r, row + i1);
                    sum += x * x;
                }
            }
        }
        double interior = (double) (m - 2) * (m - 2) * (m - 2);
        return Math.sqrt(sum / interior);
    }
}
