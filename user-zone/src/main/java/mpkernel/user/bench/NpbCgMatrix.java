package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;

/**
 * Builds the CG benchmark's sparse symmetric positive definite matrix in compressed-row form
 * (0-based), exactly as the NPB specification defines it, because the reference zeta is only
 * reproduced by this very matrix.
 *
 * <p>Definition (RNR-94-007 section 2.4 and NPB 2/3 "makea"): for i = 1..n a random sparse vector
 * x_i with {@code nonzer} distinct random positions and random values (each nonzero takes two
 * generator steps: value, then position {@code floor(2^ceil(log2 n) * r)}, retried while out of range
 * or already present) is drawn, its i-th element is set to 0.5, and
 * {@code A = sum_i w^(i-1) x_i x_i^T + (rcond - shift) I} with {@code w = rcond^(1/n)}. Duplicate
 * positions are summed in generation order; each row keeps its columns ascending.
 *
 * @param values the nonzero values
 * @param columns column index of each value
 * @param rowStart start of each row in {@code values}, n + 1 entries
 * @param nonzeros number of stored nonzeros
 */
record NpbCgMatrix(MemorySegment values, MemorySegment columns, MemorySegment rowStart, long nonzeros) {

    /** Generates the matrix of class {@code p}, drawing from {@code rng}; memory from {@code memory}. */
    static NpbCgMatrix generate(NpbCgParams p, NpbRandom rng, BenchMemory memory) {
        int n = p.na();
        int perVector = p.nonzer() + 1;
        MemorySegment vectorLength = memory.ints(n);
        MemorySegment vectorIndex = memory.ints((long) n * perVector);
        MemorySegment vectorValue = memory.doubles((long) n * perVector);
        int powerOfTwo = 1;
        while (powerOfTwo < n) {
            powerOfTwo *= 2;
        }
        for (int i = 0; i < n; i++) {
            long base = (long) i * perVector;
            int count = randomSparseVector(n, p.nonzer(), powerOfTwo, rng, vectorIndex, vectorValue, base);
            count = setElement(vectorIndex, vectorValue, base, count, i, 0.5);
            vectorLength.setAtIndex(JAVA_INT, i, count);
        }
        return assemble(p, vectorLength, vectorIndex, vectorValue, memory);
    }

    /** NPB's sprnvc: {@code nz} distinct random positions in [0, n) with random values; returns nz. */
    private static int randomSparseVector(int n, int nz, int powerOfTwo, NpbRandom rng,
                                          MemorySegment index, MemorySegment value, long base) {
        int count = 0;
        while (count < nz) {
            double element = rng.randlc(NpbRandom.A);
            double location = rng.randlc(NpbRandom.A);
            int position = (int) (powerOfTwo * location);
            if (position >= n || contains(index, base, count, position)) {
                continue;
            }
            index.setAtIndex(JAVA_INT, base + count, position);
            value.setAtIndex(JAVA_DOUBLE, base + count, element);
            count++;
        }
        return count;
    }

    private static boolean contains(MemorySegment index, long base, int count, int position) {
        for (int k = 0; k < count; k++) {
            if (index.getAtIndex(JAVA_INT, base + k) == position) {
                return true;
            }
        }
        return false;
    }

    /** NPB's vecset: sets position {@code i} to {@code v}, appending it if absent; returns the new count. */
    private static int setElement(MemorySegment index, MemorySegment value, long base, int count, int i, double v) {
        for (int k = 0; k < count; k++) {
            if (index.getAtIndex(JAVA_INT, base + k) == i) {
                value.setAtIndex(JAVA_DOUBLE, base + k, v);
                return count;
            }
        }
        index.setAtIndex(JAVA_INT, base + count, i);
        value.setAtIndex(JAVA_DOUBLE, base + count, v);
        return count + 1;
    }

    /** Sums the scaled outer products into sorted rows, then squeezes out the unused slots. */
    private static NpbCgMatrix assemble(NpbCgParams p, MemorySegment vectorLength, MemorySegment vectorIndex,
                                        MemorySegment vectorValue, BenchMemory memory) {
        int n = p.na();
        int perVector = p.nonzer() + 1;
        // Upper bound of each row's length: every vector touching row j contributes all its entries.
        MemorySegment rowStart = memory.zeroedInts(n + 1L);
        for (int i = 0; i < n; i++) {
            int len = vectorLength.getAtIndex(JAVA_INT, i);
            for (int k = 0; k < len; k++) {
                int row = vectorIndex.getAtIndex(JAVA_INT, (long) i * perVector + k);
                rowStart.setAtIndex(JAVA_INT, row + 1L, rowStart.getAtIndex(JAVA_INT, row + 1L) + len);
            }
        }
        for (int j = 0; j < n; j++) {
            rowStart.setAtIndex(JAVA_INT, j + 1L, rowStart.getAtIndex(JAVA_INT, j + 1L) + rowStart.getAtIndex(JAVA_INT, j));
        }
        long capacity = rowStart.getAtIndex(JAVA_INT, n);
        MemorySegment values = memory.zeroedDoubles(capacity);
        MemorySegment columns = memory.ints(capacity);
        MemorySegment rowFill = memory.zeroedInts(n);

        double size = 1.0;
        double ratio = Math.pow(NpbCgParams.RCOND, 1.0 / n);
        for (int i = 0; i < n; i++) {
            long base = (long) i * perVector;
            int len = vectorLength.getAtIndex(JAVA_INT, i);
            for (int a = 0; a < len; a++) {
                int row = vectorIndex.getAtIndex(JAVA_INT, base + a);
                double scale = size * vectorValue.getAtIndex(JAVA_DOUBLE, base + a);
                for (int b = 0; b < len; b++) {
                    int column = vectorIndex.getAtIndex(JAVA_INT, base + b);
                    double va = vectorValue.getAtIndex(JAVA_DOUBLE, base + b) * scale;
                    if (column == row && row == i) {
                        va = va + NpbCgParams.RCOND - p.shift();
                    }
                    addSorted(values, columns, rowStart.getAtIndex(JAVA_INT, row), rowFill, row, column, va);
                }
            }
            size *= ratio;
        }
        // Compact the rows in place: row j moves down to directly after row j-1.
        long out = 0;
        for (int j = 0; j < n; j++) {
            long from = rowStart.getAtIndex(JAVA_INT, j);
            int fill = rowFill.getAtIndex(JAVA_INT, j);
            rowStart.setAtIndex(JAVA_INT, j, (int) out);
            for (int k = 0; k < fill; k++) {
                values.setAtIndex(JAVA_DOUBLE, out, values.getAtIndex(JAVA_DOUBLE, from + k));
                columns.setAtIndex(JAVA_INT, out, columns.getAtIndex(JAVA_INT, from + k));
                out++;
            }
        }
        rowStart.setAtIndex(JAVA_INT, n, (int) out);
        return new NpbCgMatrix(values, columns, rowStart, out);
    }

    /** Adds {@code va} at ({@code row}, {@code column}), keeping the row's used slots sorted by column. */
    private static void addSorted(MemorySegment values, MemorySegment columns, long start, MemorySegment rowFill,
                                  int row, int column, double va) {
        int fill = rowFill.getAtIndex(JAVA_INT, row);
        long k = start + fill;
        while (k > start && columns.getAtIndex(JAVA_INT, k - 1) > column) {
            k--;
        }
        if (k > start && columns.getAtIndex(JAVA_INT, k - 1) == column) {
            values.setAtIndex(JAVA_DOUBLE, k - 1, values.getAtIndex(JAVA_DOUBLE, k - 1) + va);
            return;
        }
        for (long m = start + fill; m > k; m--) {
            values.setAtIndex(JAVA_DOUBLE, m, values.getAtIndex(JAVA_DOUBLE, m - 1));
            columns.setAtIndex(JAVA_INT, m, columns.getAtIndex(JAVA_INT, m - 1));
        }
        columns.setAtIndex(JAVA_INT, k, column);
        values.setAtIndex(JAVA_DOUBLE, k, va);
        rowFill.setAtIndex(JAVA_INT, row, fill + 1);
    }
}
