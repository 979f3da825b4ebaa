package mpkernel.user.http;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.FileStat;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;

/**
 * Answers a request for one kernel file: {@code stat} for its size (a missing file costs one
 * system call), then {@code open}, the head, and the body read in chunks as large as the
 * writer's free buffer, then {@code close}; a {@code HEAD} request opens nothing. A small file
 * thus costs {@code stat}, {@code open}, one {@code read} and {@code close}, and its bytes leave
 * with its head in the connection's next {@code send}.
 *
 * <p>A file whose size reads as 0 may be generated as it is read (the devices under
 * {@code /proc} and {@code /dev}), so it is read to its end first, at most
 * {@link #MAX_GENERATED} bytes, and its length is what was read: an empty file costs nothing
 * extra, and a device that never ends ({@code /dev/faulty} under {@code --root /}) gets a 500
 * instead of a body without end.
 */
final class StaticFiles {

    /** Most bytes read from a file whose size is 0 (see the class comment). */
    static final int MAX_GENERATED = 64 * 1024;
    /** Fewest free bytes worth a {@code read}: with less room, the writer sends first. */
    private static final long MIN_READ = 16 * 1024;

    private final Sys sys;

    StaticFiles(Sys sys) {
        this.sys = sys;
    }

    /**
     * Appends to {@code out} the answer for the file at kernel path {@code path}: 200 with the
     * file, 404 if there is none (or it is a directory), 503 when no descriptor is free, 500 if
     * it cannot be read. Returns {@code false} if a 200's body could not be completed (the file
     * shrank or failed while being read): the connection must then close, as its client was
     * promised more bytes than it will get.
     */
    boolean answer(String path, Framing framing, ResponseWriter out) {
        FileStat stat;
        try {
            stat = sys.stat(path);
        } catch (SysError e) {
            out.message(e.errno() == Errno.ENOENT || e.errno() == Errno.ENAMETOOLONG || e.errno() == Errno.EINVAL
                    ? Status.NOT_FOUND : Status.INTERNAL_ERROR, framing, null);
            return true;
        }
        if (stat.directory()) {
            out.message(Status.NOT_FOUND, framing, null);
            return true;
        }
        if (stat.size() > 0 && framing.headOnly()) {
            out.head(Status.OK, framing, MimeTypes.of(path), stat.size(), null);
            return true;
        }
        int fd;
        try {
            fd = sys.open(path, Sys.O_RDONLY);
        } catch (SysError e) {
            out.message(switch (e.errno()) {
                case ENOENT -> Status.NOT_FOUND;
                case EMFILE -> Status.UNAVAILABLE;
                default -> Status.INTERNAL_ERROR;
            }, framing, null);
            return true;
        }
        try {
            return stat.size() > 0 ? sendSized(fd, path, stat.size(), framing, out) : sendGenerated(fd, path, framing, out);
        } finally {
            sys.close(fd);
        }
    }

    /** The head with the size {@code stat} gave, then the body read to that size. */
    private boolean sendSized(int fd, String path, long size, Framing framing, ResponseWriter out) {
        out.head(Status.OK, framing, MimeTypes.of(path), size, null);
        for (long left = size; left > 0; ) {
            if (out.room().byteSize() < Math.min(left, MIN_READ)) {
                out.flush();
            }
            MemorySegment room = out.room();
            long n;
            try {
                n = sys.read(fd, room.asSlice(0, Math.min(left, room.byteSize())));
            } catch (SysError e) {
                return false;
            }
            if (n <= 0) {
                return false; // shorter than its stat said
            }
            out.advance(n);
            left -= n;
        }
        return true;
    }

    /** The file read to its end behind room for the head, then the head and the bytes moved up to it. */
    private boolean sendGenerated(int fd, String path, Framing framing, ResponseWriter out) {
        if (out.room().byteSize() < ResponseWriter.MAX_HEAD + MAX_GENERATED + 1) {
            out.flush();
        }
        MemorySegment area = out.room().asSlice(ResponseWriter.MAX_HEAD, MAX_GENERATED + 1);
        long length = 0;
        try {
            long n;
            while (length <= MAX_GENERATED && (n = sys.read(fd, area.asSlice(length))) > 0) {
                length += n;
            }
        } catch (SysError e) {
            out.message(Status.INTERNAL_ERROR, framing, null);
            return true;
        }
        if (length > MAX_GENERATED) {
            out.message(Status.INTERNAL_ERROR, framing, null);
            return true;
        }
        out.head(Status.OK, framing, MimeTypes.of(path), length, null);
        if (!framing.headOnly()) {
            MemorySegment.copy(area, 0, out.room(), 0, length); // the head is shorter than the gap, so this moves down
            out.advance(length);
        }
        return true;
    }
}
