package mpkernel.kernel.boot;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import mpkernel.kernel.fs.Device;
import mpkernel.kernel.net.NetStack;

/**
 * {@code /proc/net}: the network's interface, counters, ARP cache and sockets, as text made
 * when it is read (a read at a later offset sees the state of its own moment, as Linux's
 * {@code /proc} files do).
 */
final class ProcNetFile implements Device {

    private final NetStack stack;

    ProcNetFile(NetStack stack) {
        this.stack = stack;
    }

    @Override
    public long read(long offset, MemorySegment dst) {
        byte[] text = stack.describe().getBytes(StandardCharsets.US_ASCII);
        if (offset < 0 || offset >= text.length) {
            return 0;
        }
        long n = Math.min(dst.byteSize(), text.length - offset);
        MemorySegment.copy(MemorySegment.ofArray(text), offset, dst, 0, n);
        return n;
    }

    @Override
    public long write(long offset, MemorySegment src) {
        throw new mpkernel.kernel.api.SysError(mpkernel.kernel.api.Errno.EROFS, "/proc/net is read-only");
    }
}
