package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static mpkernel.user.bench.LfkArray.*;

import java.lang.foreign.MemorySegment;

/**
 * Prepares a sample of one kernel: restores the initial data ({@link LfkInputs}, generated once
 * into the pristine copies) of every array the kernel reads or writes, and the kernel-specific
 * settings of the LFK set-up (kernel 16's
 * search tables for its span, kernel 22's last exponent {@code U(n) = 0.99*EXPMAX*V(n)}, kernel
 * 24's planted minimum {@code X(n/2) = -1e10}). Every sample therefore starts from the same state,
 * and a kernel's checksum depends only on its part and pass count, not on how many samples ran or
 * in which order the kernels ran. Not timed.
 */
final class LfkSetup {

    private static final LfkArray[][] TOUCHED = {
        {},
        {X, Y, Z},
        {X, V},
        {Z, X},
        {X, Y},
        {X, Y, Z},
        {W, B},
        {X, U, Z, Y},
        {U1, U2, U3, DU1, DU2, DU3},
        {PX},
        {PX, CX},
        {X, Y},
        {X, Y},
        {P, B, C, H, Y, Z, E, F},
        {VX, XX, IX, XI, EX1, DEX1, IR, RX, GRD, EX, DEX, RH},
        {VY, VS, VH, VF, VG},
        {ZONE, PLAN, D},
        {VSP, VSTP, VXNE, VXND, VE3, VLR, VLIN},
        {ZA, ZB, ZP, ZQ, ZR, ZM, ZU, ZV, ZZ},
        {B5, SA, SB},
        {X, Y, Z, U, V, W, G, XX, VX},
        {PX, VY, CX},
        {X, Y, U, V, W},
        {ZA, ZB, ZR, ZU, ZV, ZZ},
        {X},
    };

    private final LfkArrays arrays;

    /** Generates the pristine copies of all arrays (kernel 16's tables depend on its span and are made per sample). */
    LfkSetup(LfkArrays arrays) {
        this.arrays = arrays;
        for (LfkArray a : LfkArray.values()) {
            if (a != PLAN && a != ZONE) {
                generate(arrays.pristine(a), a, 0);
            }
        }
    }

    private static void generate(MemorySegment block, LfkArray a, int n) {
        if (a.integer()) {
            for (int i = 0; i < a.length(); i++) {
                block.setAtIndex(JAVA_INT, i, LfkInputs.intValue(a, i, n));
            }
        } else {
            for (int i = 0; i < a.length(); i++) {
                block.setAtIndex(JAVA_DOUBLE, i, LfkInputs.value(a, i, n));
            }
        }
    }

    /** The arrays kernel {@code k} reads or writes. */
    static LfkArray[] touched(int k) {
        return TOUCHED[k].clone();
    }

    /** Writes kernel {@code k}'s initial data for span {@code n}. */
    void prepare(int k, int n) {
        for (LfkArray a : TOUCHED[k]) {
            if (a == PLAN || a == ZONE) {
                generate(arrays.get(a), a, n);
            } else {
                MemorySegment.copy(arrays.pristine(a), 0, arrays.get(a), 0, a.bytes());
            }
        }
        arrays.results().fill((byte) 0);
        arrays.results().set(JAVA_DOUBLE, LfkArrays.STB5, LfkInputs.scalar(LfkInputs.STB5));
        if (k == 22) {
            arrays.get(U).setAtIndex(JAVA_DOUBLE, n - 1,
                    0.99 * LfkInputs.EXPMAX * arrays.get(V).getAtIndex(JAVA_DOUBLE, n - 1));
        } else if (k == 24) {
            arrays.get(X).setAtIndex(JAVA_DOUBLE, n / 2, -1.0e10);
        }
    }
}
