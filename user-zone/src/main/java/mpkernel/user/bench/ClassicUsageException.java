package mpkernel.user.bench;

/** A bad command line of a classic benchmark; the program turns it into exit status 2 and one usage line. */
final class ClassicUsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClassicUsageException(String message) {
        super(message, null, false, false);
    }
}
