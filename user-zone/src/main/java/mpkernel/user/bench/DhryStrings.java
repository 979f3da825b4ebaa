package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The C string functions Dhrystone uses ({@code strcpy}, {@code strcmp}) on NUL-terminated byte
 * strings in user memory, byte by byte as the reference C library loop does; string handling is
 * part of what Dhrystone measures.
 */
final class DhryStrings {

    private DhryStrings() {
    }

    /** {@code strcpy(dst + dstOff, src + srcOff)}: copies up to and including the NUL. */
    static void strcpy(MemorySegment dst, long dstOff, MemorySegment src, long srcOff) {
        byte c;
        long i = 0;
        do {
            c = src.get(JAVA_BYTE, srcOff + i);
            dst.set(JAVA_BYTE, dstOff + i, c);
            i++;
        } while (c != 0);
    }

    /** {@code strcmp}: negative, zero or positive as the first differing unsigned byte compares. */
    static int strcmp(MemorySegment a, long aOff, MemorySegment b, long bOff) {
        for (long i = 0; ; i++) {
            int ca = a.get(JAVA_BYTE, aOff + i) & 0xff;
            int cb = b.get(JAVA_BYTE, bOff + i) & 0xff;
            if (ca != cb || ca == 0) {
                return ca - cb;
            }
        }
    }

    /** Places {@code text} (ASCII) with its NUL at {@code off}, as a loader places a literal. */
    static void put(MemorySegment dst, long off, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        MemorySegment.copy(bytes, 0, dst, JAVA_BYTE, off, bytes.length);
        dst.set(JAVA_BYTE, off + bytes.length, (byte) 0);
    }

    /** The string at {@code off}, at most {@code max} bytes if no NUL comes first. */
    static String read(MemorySegment src, long off, int max) {
        StringBuilder s = new StringBuilder(max);
        for (int i = 0; i < max; i++) {
            byte c = src.get(JAVA_BYTE, off + i);
            if (c == 0) {
                break;
            }
            s.append((char) (c & 0xff));
        }
        return s.toString();
    }
}
