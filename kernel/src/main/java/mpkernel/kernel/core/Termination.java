package mpkernel.kernel.core;

/**
 * Describes what killed a program or a task, from inside the user gate: {@code getMessage()}
 * is the program's own code and runs with the user's rights, never the kernel's. The kernel
 * keeps only the resulting string.
 */
public final class Termination {

    private static final int MAX = 500;

    private Termination() {
    }

    /**
     * {@code "class: message"}, at most 500 characters. Call it inside the user gate, on the
     * thread that caught {@code e}; a {@code getMessage()} that throws yields a note instead.
     */
    public static String describe(Throwable e) {
        String cls = e.getClass().getName();
        String message;
        try {
            message = e.getMessage();
        } catch (Throwable t) {
            message = "(its getMessage() threw " + t.getClass().getName() + ")";
        }
        String text = message == null ? cls : cls + ": " + message;
        return text.length() > MAX ? text.substring(0, MAX) + "..." : text;
    }
}
