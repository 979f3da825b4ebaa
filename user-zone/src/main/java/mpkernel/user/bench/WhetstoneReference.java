package mpkernel.user.bench;

/**
 * An independent computation of one Whetstone major loop on plain Java locals (no user memory, no
 * procedures): the values every module must print. Because each major loop starts every module from
 * the same initial values, the printout of the last of {@code II} major loops equals that of one
 * major loop with the same {@code LOOP}, so this costs 1/II of the timed run.
 *
 * <p>The benchmark run and this computation evaluate the same IEEE expressions in the same order
 * (Java forbids reassociation and fused multiply-add), so they must agree bit for bit; they differ
 * if user memory does not keep what was stored (a wrong offset, a store lost or clobbered across a
 * gate, a module cut short).
 */
final class WhetstoneReference {

    private WhetstoneReference() {
    }

    /** The ten printout rows of one major loop with loop count {@code loop}. */
    static WhetstoneRow[] compute(long loop) {
        WhetstoneRow[] rows = new WhetstoneRow[WhetstoneLoops.MODULES.length];
        final double t = 0.499975;
        final double t1 = 0.50025;
        final double t2 = 2.0;
        long[] n = new long[rows.length];
        for (int r = 0; r < rows.length; r++) {
            n[r] = WhetstoneLoops.count(r, loop);
        }

        double x1 = 1.0;
        double x2 = -1.0;
        double x3 = -1.0;
        double x4 = -1.0;
        for (long i = 0; i < n[0]; i++) {
            x1 = (x1 + x2 + x3 - x4) * t;
            x2 = (x1 + x2 - x3 + x4) * t;
            x3 = (x1 - x2 + x3 + x4) * t;
            x4 = (-x1 + x2 + x3 + x4) * t;
        }
        rows[0] = new WhetstoneRow(n[0], n[0], n[0], x1, x2, x3, x4);

        double[] e = {0.0, 1.0, -1.0, -1.0, -1.0};
        for (long i = 0; i < n[1]; i++) {
            e[1] = (e[1] + e[2] + e[3] - e[4]) * t;
            e[2] = (e[1] + e[2] - e[3] + e[4]) * t;
            e[3] = (e[1] - e[2] + e[3] + e[4]) * t;
            e[4] = (-e[1] + e[2] + e[3] + e[4]) * t;
        }
        rows[1] = new WhetstoneRow(n[1], n[2], n[1], e[1], e[2], e[3], e[4]);

        for (long i = 0; i < n[2]; i++) {
            for (int pass = 0; pass < 6; pass++) {
                e[1] = (e[1] + e[2] + e[3] - e[4]) * t;
                e[2] = (e[1] + e[2] - e[3] + e[4]) * t;
                e[3] = (e[1] - e[2] + e[3] + e[4]) * t;
                e[4] = (-e[1] + e[2] + e[3] + e[4]) / t2;
            }
        }
        rows[2] = new WhetstoneRow(n[2], n[1], n[1], e[1], e[2], e[3], e[4]);

        int j = 1;
        for (long i = 0; i < n[3]; i++) {
            if (j == 1) {
                j = 2;
            } else {
                j = 3;
            }
            if (j > 2) {
                j = 0;
            } else {
                j = 1;
            }
            if (j < 1) {
                j = 1;
            } else {
                j = 0;
            }
        }
        rows[3] = new WhetstoneRow(n[3], j, j, x1, x2, x3, x4);

        j = 1;
        int k = 2;
        int l = 3;
        for (long i = 0; i < n[4]; i++) {
            j = j * (k - j) * (l - k);
            k = l * k - (l - j) * k;
            l = (l - k) * (k + j);
            e[l - 1] = j + k + l;
            e[k - 1] = j * k * l;
        }
        rows[4] = new WhetstoneRow(n[4], j, k, e[1], e[2], e[3], e[4]);

        double x = 0.5;
        double y = 0.5;
        for (long i = 0; i < n[5]; i++) {
            double sx = StrictMath.sin(x);
            double cx = StrictMath.cos(x);
            x = t * StrictMath.atan(t2 * sx * cx / (StrictMath.cos(x + y) + StrictMath.cos(x - y) - 1.0));
            double sy = StrictMath.sin(y);
            double cy = StrictMath.cos(y);
            y = t * StrictMath.atan(t2 * sy * cy / (StrictMath.cos(x + y) + StrictMath.cos(x - y) - 1.0));
        }
        rows[5] = new WhetstoneRow(n[5], j, k, x, x, y, y);

        x = 1.0;
        y = 1.0;
        double z = 1.0;
        for (long i = 0; i < n[6]; i++) {
            double a = t * (x + y);
            double b = t * (a + y);
            z = (a + b) / t2;
        }
        rows[6] = new WhetstoneRow(n[6], j, k, x, y, z, z);

        j = 1;
        k = 2;
        l = 3;
        e[1] = 1.0;
        e[2] = 2.0;
        e[3] = 3.0;
        for (long i = 0; i < n[7]; i++) {
            e[j] = e[k];
            e[k] = e[l];
            e[l] = e[j];
        }
        rows[7] = new WhetstoneRow(n[7], j, k, e[1], e[2], e[3], e[4]);

        j = 2;
        k = 3;
        for (long i = 0; i < n[8]; i++) {
            j = j + k;
            k = j + k;
            j = k - j;
            k = k - j - j;
        }
        rows[8] = new WhetstoneRow(n[8], j, k, x1, x2, x3, x4);

        x = 0.75;
        for (long i = 0; i < n[9]; i++) {
            x = StrictMath.sqrt(StrictMath.exp(StrictMath.log(x) / t1));
        }
        rows[9] = new WhetstoneRow(n[9], j, k, x, x, x, x);
        return rows;
    }
}
