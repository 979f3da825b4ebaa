package mpkernel.kernel.boot;

import mpkernel.isolation.DomainMemory;
import mpkernel.isolation.Gate;
import mpkernel.kernel.core.UnsafeCalls;

/**
 * Faults the experiments inject into kernel internals that no user program can reach: a bit
 * error in a virtio descriptor, as a flaky bus or a buggy driver would produce; a safe kernel
 * bug that bypasses the vault; a network driver that writes a frame outside its buffers.
 */
public final class FaultHooks {

    /** Where {@link #misdirectNetTransmit} can aim: names for the fault models and the command line. */
    public static final java.util.List<String> NET_TARGETS = java.util.List.of("secret", "interface", "unsafe", "user");

    private final UnsafeCalls unsafe;
    private final Gate safeKernel;
    private final Secret secret;
    private final Long netInterface;
    private final DomainMemory unsafeMemory;
    private final DomainMemory userMemory;

    FaultHooks(UnsafeCalls unsafe, Gate safeKernel, Secret secret, Long netInterface, DomainMemory unsafeMemory, DomainMemory userMemory) {
        this.unsafe = unsafe;
        this.safeKernel = safeKernel;
        this.secret = secret;
        this.netInterface = netInterface;
        this.unsafeMemory = unsafeMemory;
        this.userMemory = userMemory;
    }

    /**
     * A network driver bug: the next frame it transmits is copied to {@code target} instead of
     * its transmit buffer: {@code secret} (the kernel secret, safe-kernel memory),
     * {@code interface} (the network interface's configuration, safe-kernel memory),
     * {@code unsafe} or {@code user} (the last page of that region, which nothing uses). The
     * copy runs on the thread of the system call that sends, inside the driver's gate: under
     * {@code mprotect} no other thread is then in the safe kernel (the network thread sleeps
     * while no frame arrives), so the verdict does not depend on timing.
     *
     * @throws IllegalArgumentException for another target, or a kernel without network
     */
    public void misdirectNetTransmit(String target) {
        if (netInterface == null) {
            throw new IllegalArgumentException("the kernel has no network to inject a network driver fault into (add --net loop)");
        }
        long address = switch (target) {
            case "secret" -> secret.address();
            case "interface" -> netInterface;
            case "unsafe" -> unsafeMemory.address() + unsafeMemory.byteSize() - 4096;
            case "user" -> userMemory.address() + userMemory.byteSize() - 4096;
            default -> throw new IllegalArgumentException("unknown network fault target '" + target + "'; known: " + NET_TARGETS);
        };
        unsafe.misdirectNetTransmit(address);
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
