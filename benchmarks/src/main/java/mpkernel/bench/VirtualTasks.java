package mpkernel.bench;

import java.lang.foreign.MemorySegment;

import mpkernel.isolation.Access;
import mpkernel.isolation.Backend;
import mpkernel.isolation.Domain;
import mpkernel.isolation.Gate;
import mpkernel.isolation.Isolation;
import mpkernel.isolation.Policy;
import mpkernel.isolation.TaskDomains;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * The isolation the key-cache benchmarks cross: the kernel's four pinned domains (so the
 * virtual domains share the 10 keys a kernel leaves them: 15, less 4 pinned, less the parking
 * key) and {@code n} task domains ({@link TaskDomains}), every page of each region touched once,
 * so that a re-tag rewrites as many page-table entries as the region has pages.
 */
final class VirtualTasks {

    private VirtualTasks() {
    }

    /** The keys the virtual domains share under this policy with {@code mpk} or {@code mpk-dry}. */
    static final int KEYS = 10;

    /** Boots {@code n} task domains of {@code bytes} each on {@code backend} and touches every page. */
    static Isolation boot(String backend, int n, long bytes) {
        Policy.Builder b = Policy.builder().domain(Domain.SAFE_KERNEL, 1 << 16).domain(Domain.UNSAFE_KERNEL, 1 << 16)
                .domain(Domain.USER, 1 << 16).domain(new Domain("DEVICE"), 1 << 12)
                .grant(Domain.SAFE_KERNEL, Access.READ_WRITE, Domain.UNSAFE_KERNEL, Domain.USER);
        TaskDomains.declare(b, Domain.SAFE_KERNEL, n, bytes);
        Isolation iso = Isolation.boot(Backend.parse(backend), b.build());
        for (int i = 0; i < n; i++) {
            MemorySegment m = iso.memory(TaskDomains.domain(i)).segment();
            iso.gate(TaskDomains.domain(i)).run(() -> {
                for (long at = 0; at < m.byteSize(); at += 4096) {
                    m.set(JAVA_BYTE, at, (byte) 1);
                }
            });
        }
        return iso;
    }

    /** The gates into the {@code n} task domains. */
    static Gate[] gates(Isolation iso, int n) {
        Gate[] gates = new Gate[n];
        for (int i = 0; i < n; i++) {
            gates[i] = iso.gate(TaskDomains.domain(i));
        }
        return gates;
    }
}
