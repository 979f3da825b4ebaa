package mpkernel.experiments.net;

/**
 * Gate crossings (user to kernel, kernel to unsafe kernel, kernel to driver, added up) that one
 * unit of work costs a backend, by difference: two boots of the same server that end after one
 * connection, the second doing more work; the difference of their crossing counts over the
 * difference of their work cancels booting, accepting and closing.
 *
 * @param backend the backend
 * @param perGet crossings per {@code GET} to {@code kv-server}, NaN if not measured
 * @param perMegabyte crossings per 10^6 bytes into {@code tcp-discard}, NaN if not measured
 * @param message the stream's message size, bytes
 */
record Crossings(String backend, double perGet, double perMegabyte, int message) {

    /** How the numbers are made, for reports. */
    static final String ESTIMATOR = "difference of the kernel's signed crossing counts (user->kernel + kernel->unsafe + kernel->driver)"
            + " between two single-connection boots, over the difference of their requests or bytes";

    /** {@code (c2 - c1) / (w2 - w1)}. */
    static double slope(long c1, long c2, double w1, double w2) {
        return (c2 - c1) / (w2 - w1);
    }
}
