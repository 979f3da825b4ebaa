package mpkernel.results;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A result file that cannot be used: not a file, not text, not in its format, or with malformed
 * rows. The message is one line that names the file and, for rows, their line numbers, so that
 * the user can open it at the right place; a command prints it as it is and exits with status 2.
 */
public class BadResultFile extends Exception {
    private static final long serialVersionUID = 1L;

    /** At most this many line numbers are listed; a file broken throughout needs no more to be found. */
    private static final int LINES_LISTED = 10;

    private final String why;

    /**
     * @param file the file
     * @param why what is wrong with it, lower case, no final period
     */
    public BadResultFile(Path file, String why) {
        this(file, why, null);
    }

    /** The same message about {@code file}, with the cause kept for debugging. */
    public BadResultFile(Path file, String why, Throwable cause) {
        super(file + ": " + why, cause);
        this.why = why;
    }

    /** What is wrong with it, without its name. */
    public String why() {
        return why;
    }

    /**
     * Rows of {@code file} that cannot be read, e.g. {@code faults-mpk-1.csv: malformed rows at
     * lines 17, 40 (no model or outcome)}.
     *
     * @param lines their line numbers in the file, counting from 1, ascending, not empty
     * @param why what is wrong with them
     */
    public static BadResultFile rows(Path file, List<Integer> lines, String why) {
        String listed = lines.stream().limit(LINES_LISTED).map(String::valueOf).collect(Collectors.joining(", "));
        String more = lines.size() > LINES_LISTED ? " and " + (lines.size() - LINES_LISTED) + " more" : "";
        return new BadResultFile(file, (lines.size() == 1 ? "malformed row at line " : "malformed rows at lines ") + listed + more
                + " (" + why + ")");
    }

    /**
     * A file whose bytes are not UTF-8 text (binary, or another encoding): no result format
     * applies to it, which some readers say in their own words.
     */
    public static final class NotText extends BadResultFile {
        private static final long serialVersionUID = 1L;

        NotText(Path file, String why, Throwable cause) {
            super(file, why, cause);
        }
    }
}
