package mpkernel.figures;

/** The results a figure needs are not there; the message is the one line saying which command produces them. */
final class MissingResults extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param subject what the figure shows, e.g. {@code macrobenchmarks}
     * @param missing what is missing, e.g. {@code no complete results/overhead-*.csv}
     * @param command the command that produces it, e.g. {@code ./mpk reproduce}
     */
    MissingResults(String subject, String missing, String command) {
        super(subject + ": " + missing + "; run " + command);
    }
}
