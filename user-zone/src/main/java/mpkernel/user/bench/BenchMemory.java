package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Deque;

import mpkernel.kernel.api.Sys;

/**
 * Owns the user-heap blocks of one benchmark run: every array comes from {@code sys.malloc} or
 * {@code sys.calloc} (so that all benchmark data lives in the user domain and every allocation
 * is a system call, as in the paper's unikernel), and {@link #close} frees them all, newest first,
 * even when the run fails. {@link BenchProgram} opens one per run, so a program never frees
 * anything itself.
 */
final class BenchMemory implements AutoCloseable {

    private final Sys sys;
    private final Deque<MemorySegment> blocks = new ArrayDeque<>();

    BenchMemory(Sys sys) {
        this.sys = sys;
    }

    /** {@code count} uninitialised bytes. */
    MemorySegment bytes(long count) {
        return keep(sys.malloc(count));
    }

    /** {@code count} uninitialised doubles. */
    MemorySegment doubles(long count) {
        return keep(sys.malloc(count * JAVA_DOUBLE.byteSize()));
    }

    /** {@code count} doubles set to zero. */
    MemorySegment zeroedDoubles(long count) {
        return keep(sys.calloc(count, JAVA_DOUBLE.byteSize()));
    }

    /** {@code count} uninitialised ints. */
    MemorySegment ints(long count) {
        return keep(sys.malloc(count * JAVA_INT.byteSize()));
    }

    /** {@code count} ints set to zero. */
    MemorySegment zeroedInts(long count) {
        return keep(sys.calloc(count, JAVA_INT.byteSize()));
    }

    /** {@code count} uninitialised longs. */
    MemorySegment longs(long count) {
        return keep(sys.malloc(count * JAVA_LONG.byteSize()));
    }

    private MemorySegment keep(MemorySegment block) {
        blocks.push(block);
        return block;
    }

    @Override
    public void close() {
        while (!blocks.isEmpty()) {
            sys.free(blocks.pop());
        }
    }
}
