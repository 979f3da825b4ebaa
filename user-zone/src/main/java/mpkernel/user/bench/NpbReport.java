package mpkernel.user.bench;

/**
 * NPB's closing block for a {@link BenchReport}, after NPB's {@code print_results}: "XX Benchmark
 * Completed.", Class, Size, Iterations, Time in seconds, Mop/s total, Operation type,
 * Verification. An NPB port writes its whole report with the single system call of
 * {@link BenchReport#finish}, so that console output does not add gate crossings to the
 * measured overhead.
 */
final class NpbReport {

    private NpbReport() {
    }

    /**
     * Appends NPB's closing block to {@code report} and returns the run's result, whose size
     * label is the class letter.
     */
    static BenchProgram.Result completed(BenchReport report, String benchmark, char npbClass, String size,
                                         int iterations, double seconds, double mops, String operationType,
                                         boolean verified) {
        report.add("%n %s Benchmark Completed.%n", benchmark);
        field(report, "Class", String.valueOf(npbClass));
        field(report, "Size", size);
        field(report, "Iterations", Integer.toString(iterations));
        field(report, "Time in seconds", BenchReport.fmt("%.2f", seconds));
        field(report, "Mop/s total", BenchReport.fmt("%.2f", mops));
        field(report, "Operation type", operationType);
        field(report, "Verification", verified ? "SUCCESSFUL" : "UNSUCCESSFUL");
        field(report, "Version", "3.3.1 (mpkernel Java)");
        return new BenchProgram.Result(String.valueOf(npbClass), seconds, verified);
    }

    private static void field(BenchReport report, String name, String value) {
        report.add(" %-16s= %24s%n", name, value);
    }

    /** Mop/s from an operation count and a time, 0 when the time is not positive. */
    static double mops(double operations, double seconds) {
        return seconds > 0 ? operations / seconds / 1.0e6 : 0.0;
    }
}
