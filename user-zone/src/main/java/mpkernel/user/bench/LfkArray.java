package mpkernel.user.bench;

/**
 * The arrays of the Livermore kernels, with their lengths in elements. Two-dimensional arrays are
 * stored row-major with the FORTRAN indices reversed: FORTRAN {@code PX(25,101)} is
 * {@code px[101][25]}, element {@code PX(i,j)} at {@code (j-1)*25 + (i-1)}. One-dimensional
 * arrays are longer than the longest span so that kernels that read past {@code n} (kernel 1 reads
 * {@code z[k+11]}, kernel 4 walks {@code XZ} past {@code X(1001)}) stay inside their array.
 */
enum LfkArray {
    U(LfkArray.LONG), V(LfkArray.LONG), W(LfkArray.LONG), X(LfkArray.LONG), Y(LfkArray.LONG), Z(LfkArray.LONG),
    G(LfkArray.LONG),
    DU1(101), DU2(101), DU3(101),
    GRD(LfkArray.LONG), DEX(LfkArray.LONG), XI(LfkArray.LONG), EX(LfkArray.LONG), EX1(LfkArray.LONG),
    DEX1(LfkArray.LONG), VX(LfkArray.LONG), XX(LfkArray.LONG), RX(LfkArray.LONG),
    RH(2049),
    VSP(101), VSTP(101), VXNE(101), VXND(101), VE3(101), VLR(101), VLIN(101), B5(101), SA(101), SB(101),
    PLAN(300), D(300),
    P(512 * 4),
    PX(101 * 25), CX(101 * 25), VY(25 * 101),
    VH(7 * 101), VF(7 * 101), VG(7 * 101), VS(7 * 101),
    ZA(7 * 101), ZP(7 * 101), ZQ(7 * 101), ZR(7 * 101), ZM(7 * 101), ZB(7 * 101), ZU(7 * 101), ZV(7 * 101),
    ZZ(7 * 101),
    B(64 * 64), C(64 * 64), H(64 * 64),
    U1(2 * 101 * 5), U2(2 * 101 * 5), U3(2 * 101 * 5),
    E(96, true), F(96, true), IX(LfkArray.LONG, true), IR(LfkArray.LONG, true), ZONE(301, true);

    /** Length of the long one-dimensional arrays (span 1001 plus what kernels 1 and 4 read beyond). */
    static final int LONG = 1240;

    private final int length;
    private final boolean integer;

    LfkArray(int length) {
        this(length, false);
    }

    LfkArray(int length, boolean integer) {
        this.length = length;
        this.integer = integer;
    }

    /** Elements. */
    int length() {
        return length;
    }

    /** Whether it holds {@code int}s ({@code INTEGER}) rather than {@code double}s. */
    boolean integer() {
        return integer;
    }

    /** Bytes to allocate. */
    long bytes() {
        return (long) length * (integer ? 4 : 8);
    }
}
