package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A circular byte buffer: its bytes are a block of the stack's heap, its address, size, head
 * and length are four fields of a socket's row. A view; it holds no state of its own.
 */
final class ByteRing {

    /** Bytes of the four fields in a row. */
    static final int FIELDS = 24;
    private static final long ADDRESS = 0;
    private static final long SIZE = 8;
    private static final long HEAD = 12;
    private static final long LENGTH = 16;

    private final MemorySegment fields;
    private final NetMemory memory;

    ByteRing(MemorySegment fields, NetMemory memory) {
        this.fields = fields;
        this.memory = memory;
    }

    /** Uses the {@code size} bytes at {@code address} (from the stack's heap), empty. */
    void attach(long address, int size) {
        fields.set(JAVA_LONG, ADDRESS, address);
        fields.set(JAVA_INT, SIZE, size);
        fields.set(JAVA_INT, HEAD, 0);
        fields.set(JAVA_INT, LENGTH, 0);
    }

    /** The buffer's address, 0 if none is attached. */
    long address() {
        return fields.get(JAVA_LONG, ADDRESS);
    }

    int size() {
        return fields.get(JAVA_INT, SIZE);
    }

    int head() {
        return fields.get(JAVA_INT, HEAD);
    }

    int length() {
        return fields.get(JAVA_INT, LENGTH);
    }

    int free() {
        return size() - length();
    }

    /** Appends {@code n} bytes of {@code src} from {@code from}; {@code n} must not exceed {@link #free}. */
    void append(MemorySegment src, long from, int n) {
        place(0, src, from, n);
        extend(n);
    }

    /**
     * Writes {@code n} bytes of {@code src} from {@code from} into the free part, {@code skip}
     * bytes past the last byte held, without making them part of the ring's contents (a later
     * {@link #extend} does); {@code skip + n} must not exceed {@link #free}.
     */
    void place(int skip, MemorySegment src, long from, int n) {
        int size = size();
        int start = (int) (((long) head() + length() + skip) % size);
        MemorySegment buffer = memory.at(address(), size);
        int first = Math.min(n, size - start);
        MemorySegment.copy(src, from, buffer, start, first);
        MemorySegment.copy(src, from + first, buffer, 0, n - first);
    }

    /** Makes the {@code n} bytes after the last byte held part of the contents; {@code n} must not exceed {@link #free}. */
    void extend(int n) {
        fields.set(JAVA_INT, LENGTH, length() + n);
    }

    /** Copies {@code n} bytes, starting {@code skip} bytes after the head, to {@code dst} at {@code to}. */
    void copyOut(int skip, MemorySegment dst, long to, int n) {
        int size = size();
        int start = (int) (((long) head() + skip) % size);
        MemorySegment buffer = memory.at(address(), size);
        int first = Math.min(n, size - start);
        MemorySegment.copy(buffer, start, dst, to, first);
        MemorySegment.copy(buffer, 0, dst, to + first, n - first);
    }

    /** Drops {@code n} bytes from the head. */
    void consume(int n) {
        fields.set(JAVA_INT, HEAD, (int) (((long) head() + n) % size()));
        fields.set(JAVA_INT, LENGTH, length() - n);
    }

    /** Whether the fields describe a sane ring of the heap's block {@code blockSize} bytes long. */
    boolean consistent(long blockSize) {
        return size() > 0 && size() <= blockSize && head() >= 0 && head() < size() && length() >= 0 && length() <= size();
    }
}
