package mpkernel.kernel.core;

import java.lang.foreign.MemorySegment;
import java.util.function.LongSupplier;

import mpkernel.kernel.net.Link;

/**
 * The kernel stack's link: the virtio-net driver, one crossing of the driver gate per frame
 * each way. It crosses to receive only when the device has posted a completion it has not
 * taken (the device's count, on the Java heap), so finding the queue empty costs nothing.
 */
public final class DriverLink implements Link {

    private final UnsafeCalls unsafe;
    private final LongSupplier completions;
    private long taken;

    /** Frames through {@code unsafe}'s network driver; {@code completions} counts what the device posted. */
    public DriverLink(UnsafeCalls unsafe, LongSupplier completions) {
        this.unsafe = unsafe;
        this.completions = completions;
    }

    @Override
    public boolean transmit(MemorySegment frame) {
        return unsafe.netTransmit(frame);
    }

    @Override
    public int receive(MemorySegment into) {
        if (taken == completions.getAsLong()) {
            return -1;
        }
        int n = unsafe.netReceive(into);
        if (n < 0) {
            taken = completions.getAsLong(); // the driver saw none: catch up
            return -1;
        }
        taken++;
        return n;
    }
}
