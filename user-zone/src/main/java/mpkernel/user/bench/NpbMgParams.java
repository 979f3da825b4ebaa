package mpkernel.user.bench;

/**
 * One NPB MG problem class and its reference residual norm.
 *
 * <p>Grid sizes, iteration counts and verified L2 norms from the NPB 3.x class tables
 * (NAS-95-020 defines the 2/3 classes; class W is 128^3 x 4 iterations since NPB 3.0).
 *
 * @param npbClass class letter
 * @param n points per dimension of the finest (periodic, cubic) grid, a power of two
 * @param iterations V-cycle iterations
 * @param normReference reference L2 norm of the final residual
 */
record NpbMgParams(char npbClass, int n, int iterations, double normReference) {

    /** The parameters of class {@code c} (S, W or A). */
    static NpbMgParams forClass(char c) {
        return switch (c) {
            case 'S' -> new NpbMgParams('S', 32, 4, 0.5307707005734e-04);
            case 'W' -> new NpbMgParams('W', 128, 4, 0.6467329375339e-05);
            case 'A' -> new NpbMgParams('A', 256, 4, 0.2433365309069e-05);
            default -> throw new IllegalArgumentException("no NPB MG class " + c);
        };
    }

    /** Number of grid levels: level k has 2^k interior points per dimension, k = 1..levels. */
    int levels() {
        return Integer.numberOfTrailingZeros(n);
    }

    /** The same class with another reference norm (the tests' hook to make verification fail). */
    NpbMgParams withNormReference(double norm) {
        return new NpbMgParams(npbClass, n, iterations, norm);
    }
}
