package mpkernel.kernel.boot;

import mpkernel.kernel.core.UnsafeCalls;

/**
 * Faults the experiments inject into kernel internals that no user program can reach: here, a
 * bit error in a virtio descriptor, as a flaky bus or a buggy driver would produce.
 */
public final class FaultHooks {
    private final UnsafeCalls unsafe;

    FaultHooks(UnsafeCalls unsafe) {
        this.unsafe = unsafe;
    }

    /** The console request after {@code afterRequests} more is posted with address bit {@code bit} flipped. */
    public void flipConsoleDescriptorBit(int afterRequests, int bit) {
        if (bit < 0 || bit > 63 || afterRequests < 0) {
            throw new IllegalArgumentException("bit 0..63 and afterRequests >= 0");
        }
        unsafe.flipConsoleDescriptorBit(afterRequests, bit);
    }
}
