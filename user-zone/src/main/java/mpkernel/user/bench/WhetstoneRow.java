package mpkernel.user.bench;

/**
 * One line of the Whetstone module printout ({@code POUT} in the FORTRAN original): the module's
 * loop count, two integer values and four floating-point values, as the original prints them
 * after each module. These are the values the verification compares.
 *
 * @param n the module's loop count
 * @param j first integer printed
 * @param k second integer printed
 * @param x1 first real printed
 * @param x2 second real printed
 * @param x3 third real printed
 * @param x4 fourth real printed
 */
record WhetstoneRow(long n, long j, long k, double x1, double x2, double x3, double x4) {

    /** Whether every field is bit-for-bit the same as {@code other}'s. */
    boolean sameBits(WhetstoneRow other) {
        return n == other.n && j == other.j && k == other.k
                && Double.doubleToRawLongBits(x1) == Double.doubleToRawLongBits(other.x1)
                && Double.doubleToRawLongBits(x2) == Double.doubleToRawLongBits(other.x2)
                && Double.doubleToRawLongBits(x3) == Double.doubleToRawLongBits(other.x3)
                && Double.doubleToRawLongBits(x4) == Double.doubleToRawLongBits(other.x4);
    }
}
