package mpkernel.kernel.net;

/** Comparisons of TCP sequence numbers, modulo 2^32 (RFC 9293, section 3.4). */
final class Seq {

    private Seq() {
    }

    static boolean lt(int a, int b) {
        return a - b < 0;
    }

    static boolean le(int a, int b) {
        return a - b <= 0;
    }

    static boolean gt(int a, int b) {
        return a - b > 0;
    }

    static boolean ge(int a, int b) {
        return a - b >= 0;
    }

    /** {@code low <= x < low + length}. */
    static boolean inWindow(int x, int low, int length) {
        return x - low >= 0 && x - low < length;
    }
}
