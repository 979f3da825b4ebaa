package mpkernel.kernel.fs;

import java.lang.foreign.MemorySegment;

/** A character device behind a {@code /dev/} file; calls arrive in the safe kernel and are forwarded to a driver. */
public interface Device {
    /** Reads into {@code dst} at file offset {@code offset}; returns the count. */
    long read(long offset, MemorySegment dst);

    /** Writes {@code src} at file offset {@code offset}; returns the count. */
    long write(long offset, MemorySegment src);
}
