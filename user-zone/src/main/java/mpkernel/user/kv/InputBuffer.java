package mpkernel.user.kv;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import mpkernel.kernel.api.Sys;

/**
 * A connection's received bytes not yet parsed, in user memory from {@code malloc} so that
 * {@code recv} writes straight into it: the unparsed bytes lie at {@code [start, end)}, the room
 * for the next {@code recv} after them. It grows (by {@code realloc}) only when one request item
 * needs more room than it has, and shrinks back once such an item is consumed.
 */
final class InputBuffer {

    /** The usual size: room for a few hundred pipelined small commands per {@code recv}. */
    static final int INITIAL = 16 * 1024;

    private final Sys sys;
    private MemorySegment memory;
    private long start;
    private long end;

    InputBuffer(Sys sys) {
        this.sys = sys;
        this.memory = sys.malloc(INITIAL);
    }

    /** How many received bytes wait to be parsed. */
    long available() {
        return end - start;
    }

    /** The unparsed byte at {@code offset} from the first one. */
    byte at(long offset) {
        return memory.get(ValueLayout.JAVA_BYTE, start + offset);
    }

    /** The offset of the first {@code '\n'} at or after {@code from} among the unparsed bytes; -1 if none. */
    long indexOfNewline(long from, long limit) {
        long stop = Math.min(end, start + limit);
        for (long i = start + from; i < stop; i++) {
            if (memory.get(ValueLayout.JAVA_BYTE, i) == '\n') {
                return i - start;
            }
        }
        return -1;
    }

    /** Copies {@code length} unparsed bytes from {@code offset} onto the heap (without consuming them). */
    byte[] copy(long offset, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(memory, ValueLayout.JAVA_BYTE, start + offset, bytes, 0, length);
        return bytes;
    }

    /** Consumes {@code n} unparsed bytes. */
    void consume(long n) {
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
            if (memory.byteSize() > INITIAL) {
                memory = sys.realloc(memory, INITIAL); // a large value went through; give its room back
            }
        }
    }

    /** Makes room for an item of {@code bytes} that starts at the first unparsed byte. */
    void reserve(long bytes) {
        if (start + bytes <= memory.byteSize()) {
            return;
        }
        compact();
        if (bytes > memory.byteSize()) {
            memory = sys.realloc(memory, Math.max(bytes, 2 * memory.byteSize()));
        }
    }

    /**
     * The free room after the unparsed bytes, for the next {@code recv}; unparsed bytes are first
     * moved to the front when that frees room, and the buffer doubles when it is full of them.
     */
    MemorySegment room() {
        if (end == memory.byteSize()) {
            compact();
            if (end == memory.byteSize()) {
                memory = sys.realloc(memory, 2 * memory.byteSize());
            }
        }
        return memory.asSlice(end, memory.byteSize() - end);
    }

    /** Records that {@code n} bytes were received into {@link #room()}. */
    void filled(long n) {
        end += n;
    }

    /** The buffer's size now (for tests of its growing and shrinking). */
    long capacity() {
        return memory.byteSize();
    }

    /** Frees the memory; the buffer is unusable afterwards. */
    void release() {
        sys.free(memory);
    }

    private void compact() {
        if (start > 0) {
            MemorySegment.copy(memory, start, memory, 0, end - start);
            end -= start;
            start = 0;
        }
    }
}
