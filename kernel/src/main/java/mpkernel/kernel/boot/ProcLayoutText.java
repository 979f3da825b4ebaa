package mpkernel.kernel.boot;

import mpkernel.isolation.Domain;
import mpkernel.isolation.DomainMemory;
import mpkernel.isolation.Isolation;
import mpkernel.kernel.fs.FileSystem;
import mpkernel.kernel.mm.HeapAllocator;

/**
 * {@code /proc/layout}: where the domains, the secret and the kernel's tables are. A unikernel
 * has no address randomisation worth the name; publishing the layout makes the attacks honest
 * about that instead of relying on guesswork. {@code mpkernel.kernel.api.ProcLayout} reads it.
 */
final class ProcLayoutText {

    private ProcLayoutText() {
    }

    /** The file's text, made at boot inside the gate into {@code SAFE_KERNEL}. */
    static String of(Isolation iso, Secret secret, long faultyBuffer, long faultyBytes, HeapAllocator kernelHeap, FileSystem fs,
                     Console console) {
        StringBuilder sb = new StringBuilder();
        for (Domain d : iso.policy().domains()) {
            DomainMemory m = iso.memory(d);
            sb.append(String.format("region %s 0x%x 0x%x%n", m.domain(), m.address(), m.address() + m.byteSize()));
        }
        sb.append(String.format("secret 0x%x %d%n", secret.address(), Kernel.SECRET_BYTES));
        sb.append(String.format("faulty-buffer 0x%x %d%n", faultyBuffer, faultyBytes));
        sb.append(String.format("kernel-heap-records 0x%x %d%n", kernelHeap.recordsAddress(), kernelHeap.recordsInUseBytes()));
        sb.append(String.format("fs-directory 0x%x %d%n", fs.directoryAddress(), fs.directoryBytes()));
        sb.append(String.format("console-ring 0x%x %d%n", console.ring(), console.ringBytes()));
        return sb.toString();
    }
}
