package mpkernel.user.bench;

/**
 * One NPB CG problem class and its reference eigenvalue estimate.
 *
 * <p>Values from the NPB specification and NAS-95-020 / NPB 3.x class tables: order n, nonzeros
 * per generating vector, outer iterations, eigenvalue shift, and the verified zeta.
 *
 * @param npbClass class letter
 * @param na matrix order
 * @param nonzer nonzeros per random sparse vector
 * @param niter outer (inverse power) iterations
 * @param shift eigenvalue shift lambda
 * @param zetaReference reference value of zeta after {@code niter} iterations
 */
record NpbCgParams(char npbClass, int na, int nonzer, int niter, double shift, double zetaReference) {

    /** Condition-number bound of the generated matrix (same for every class). */
    static final double RCOND = 0.1;

    /** The parameters of class {@code c} (S, W or A). */
    static NpbCgParams forClass(char c) {
        return switch (c) {
            case 'S' -> new NpbCgParams('S', 1400, 7, 15, 10.0, 8.5971775078648);
            case 'W' -> new NpbCgParams('W', 7000, 8, 15, 12.0, 10.362595087124);
            case 'A' -> new NpbCgParams('A', 14000, 11, 15, 20.0, 17.130235054029);
            default -> throw new IllegalArgumentException("no NPB CG class " + c);
        };
    }

    /** The same class with another reference zeta (the tests' hook to make verification fail). */
    NpbCgParams withZetaReference(double zeta) {
        return new NpbCgParams(npbClass, na, nonzer, niter, shift, zeta);
    }
}
