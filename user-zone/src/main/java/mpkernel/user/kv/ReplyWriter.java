package mpkernel.user.kv;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

import mpkernel.kernel.api.Sys;

/**
 * The RESP2 replies to one connection's requests, gathered in user memory from {@code malloc}
 * until {@link #flush}: all the replies to what one {@code recv} brought leave in one
 * {@code send} (more only when the socket takes less), since every system call is a gate
 * crossing. The buffer grows by {@code realloc} for a large reply and shrinks back after it.
 */
final class ReplyWriter {

    /** The usual size of the buffer. */
    static final int INITIAL = 16 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Sys sys;
    private MemorySegment memory;
    private long size;

    ReplyWriter(Sys sys) {
        this.sys = sys;
        this.memory = sys.malloc(INITIAL);
    }

    /** {@code +TEXT}: a status such as {@code OK} or {@code PONG}. */
    void simple(String text) {
        line('+', text);
    }

    /** {@code -TEXT}: an error, {@code TEXT} starting with its code ({@code ERR ...}); line breaks in it become blanks. */
    void error(String text) {
        line('-', text);
    }

    /** {@code :N}. */
    void integer(long n) {
        line(':', Long.toString(n));
    }

    /** {@code $N} and the bytes. */
    void bulk(byte[] bytes) {
        line('$', Integer.toString(bytes.length));
        put(bytes);
        put(CRLF);
    }

    /** {@code $-1}: no value. */
    void nullBulk() {
        put(NULL_BULK);
    }

    /** {@code *N}: an array of the next {@code n} replies. */
    void array(int n) {
        line('*', Integer.toString(n));
    }

    /** Bytes gathered and not yet sent. */
    long size() {
        return size;
    }

    /** Sends everything gathered on {@code fd}, in as few {@code send}s as the socket allows, and empties the buffer. */
    void flush(int fd) {
        for (long sent = 0; sent < size; ) {
            sent += sys.send(fd, memory.asSlice(sent, size - sent), 0);
        }
        size = 0;
        if (memory.byteSize() > INITIAL) {
            memory = sys.realloc(memory, INITIAL);
        }
    }

    /** Frees the buffer; the writer is unusable afterwards. */
    void release() {
        sys.free(memory);
    }

    /** {@code c} if printable ASCII, else a blank: what error texts quote of a client's bytes. */
    static char printable(char c) {
        return c >= ' ' && c < 0x7f ? c : ' ';
    }

    /** {@code text} with every character {@link #printable} would change changed. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            b.append(printable(text.charAt(i)));
        }
        return b.toString();
    }

    private void line(char type, String text) {
        ensure(text.length() + 3);
        memory.set(ValueLayout.JAVA_BYTE, size++, (byte) type);
        for (int i = 0; i < text.length(); i++) {
            memory.set(ValueLayout.JAVA_BYTE, size++, (byte) printable(text.charAt(i)));
        }
        memory.set(ValueLayout.JAVA_BYTE, size++, (byte) '\r');
        memory.set(ValueLayout.JAVA_BYTE, size++, (byte) '\n');
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        MemorySegment.copy(bytes, 0, memory, ValueLayout.JAVA_BYTE, size, bytes.length);
        size += bytes.length;
    }

    private void ensure(long more) {
        if (size + more > memory.byteSize()) {
            memory = sys.realloc(memory, Math.max(size + more, 2 * memory.byteSize()));
        }
    }
}
