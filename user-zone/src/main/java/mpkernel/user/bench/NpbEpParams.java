package mpkernel.user.bench;

/**
 * One NPB EP problem class and its reference results.
 *
 * <p>Sizes (2^(M+1) deviates, M = 24, 25, 28 for S, W, A) and the reference sums are those of
 * the NPB specification and the NPB 3.x reports (RNR-94-007, NAS-95-020). The annulus counts
 * are those printed by NPB 3.3 reference runs for classes S and A; for class W only the total
 * number of accepted Gaussian pairs was found published, so only that total is checked.
 *
 * @param npbClass class letter
 * @param m log2 of the number of Gaussian pairs attempted
 * @param sxReference reference sum of the X deviates
 * @param syReference reference sum of the Y deviates
 * @param pairsReference reference number of accepted Gaussian pairs
 * @param countsReference reference count per annulus l = 0..9, or null where none is published
 */
record NpbEpParams(char npbClass, int m, double sxReference, double syReference, long pairsReference,
                   long[] countsReference) {

    /** The parameters of class {@code c} (S, W or A). */
    static NpbEpParams forClass(char c) {
        return switch (c) {
            case 'S' -> new NpbEpParams('S', 24, -3.247834652034740e3, -6.958407078382297e3, 13176389L,
                    new long[] {6140517, 5865300, 1100361, 68546, 1648, 17, 0, 0, 0, 0});
            case 'W' -> new NpbEpParams('W', 25, -2.863319731645753e3, -6.320053679109499e3, 26354769L, null);
            case 'A' -> new NpbEpParams('A', 28, -4.295875165629892e3, -1.580732573678431e4, 210832767L,
                    new long[] {98257395, 93827014, 17611549, 1110028, 26536, 245, 0, 0, 0, 0});
            default -> throw new IllegalArgumentException("no NPB EP class " + c);
        };
    }

    /** The same class with another reference X sum (the tests' hook to make verification fail). */
    NpbEpParams withSxReference(double sx) {
        return new NpbEpParams(npbClass, m, sx, syReference, pairsReference, countsReference);
    }
}
