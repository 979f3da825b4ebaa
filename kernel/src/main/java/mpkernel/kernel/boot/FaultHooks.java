package mpkernel.kernel.boot;

import mpkernel.isolation.Gate;
import mpkernel.kernel.core.UnsafeCalls;

/**
 * Faults the experiments inject into kernel internals that no user program can reach: here, a
 * bit error in a virtio descriptor, as a flaky bus or a buggy driver would produce, and a safe
 * kernel bug that bypasses the vault.
 */
public final class FaultHooks {
    private final UnsafeCalls unsafe;
    private final Gate safeKernel;
    private final Secret secret;

    FaultHooks(UnsafeCalls unsafe, Gate safeKernel, Secret secret) {
        this.unsafe = unsafe;
        this.safeKernel = safeKernel;
        this.secret = secret;
    }

    /**
     * A safe-kernel bug: code in {@code SAFE_KERNEL} reads the secret directly instead of
     * through the vault's gate. With a {@code VAULT} domain this must fault; without one it is
     * ordinary kernel code reading kernel memory (and copies nothing anywhere).
     */
    public void readSecretBypassingTheVault() {
        safeKernel.run(() -> secret.memory().get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0));
    }

    /** The console request after {@code afterRequests} more is posted with address bit {@code bit} flipped. */
    public void flipConsoleDescriptorBit(int afterRequests, int bit) {
        if (bit < 0 || bit > 63 || afterRequests < 0) {
            throw new IllegalArgumentException("bit 0..63 and afterRequests >= 0");
        }
        unsafe.flipConsoleDescriptorBit(afterRequests, bit);
    }
}
