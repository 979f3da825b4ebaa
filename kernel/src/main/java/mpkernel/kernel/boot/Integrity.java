package mpkernel.kernel.boot;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import mpkernel.isolation.DomainMemory;
import mpkernel.isolation.Gate;
import mpkernel.kernel.fs.FileSystem;
import mpkernel.kernel.mm.HeapAllocator;
import mpkernel.kernel.mm.StaticArea;

/**
 * The state a run must not change, and whether it did: at boot each covered area of domain
 * memory is copied to a golden area of the same domain; {@link #check} compares the two in
 * place ({@code MemorySegment.mismatch}, inside the owning domain's gate), so neither the
 * state nor its copy passes through the Java heap. Structural audits of the tables that runs
 * do change (allocators, file system) complete it.
 */
final class Integrity {

    /**
     * What a booted kernel's check covers (see {@code Kernel.integrity}): the safe kernel's
     * header page, the file system's boot state, the kernel heap's records of blocks allocated
     * at boot, the vault's secret when it has one ({@code vault}, else {@code null}), the
     * network's configuration; audited: every heap, the network's and the file system's tables.
     * Golden copies are carved from {@code tables}. Runs inside {@code safeGate}.
     */
    static Integrity atBoot(StaticArea tables, MemorySegment header, Gate safeGate, FileSystem fs, KernelMemory memory,
                            Secret secret, DomainMemory vault, Network network) {
        Integrity in = new Integrity();
        in.cover("the safe kernel's header page", header, tables.carve(header.byteSize()), safeGate);
        fs.bootState().forEach((name, live) -> in.cover(name, live, tables.carve(live.byteSize()), safeGate));
        List<MemorySegment> records = memory.kernelHeap().allocatedRecords();
        for (int i = 0; i < records.size(); i++) {
            in.cover("kernel heap record of a boot block (" + i / 2 + ")", records.get(i), tables.carve(records.get(i).byteSize()), safeGate);
        }
        if (vault != null) {
            in.cover("the vault's secret", secret.memory(), vault.segment().asSlice(4096, Kernel.SECRET_BYTES), secret.gate());
        }
        for (HeapAllocator h : memory.heaps()) {
            in.audit(h::checkInvariants);
        }
        if (network != null) {
            MemorySegment iface = network.stack().configuration();
            in.cover("the network interface's configuration", iface, tables.carve(iface.byteSize()), safeGate);
            in.audit(network.heap()::checkInvariants);
            in.audit(network.stack()::checkInvariants);
        }
        in.audit(fs::checkInvariants);
        return in;
    }

    private record Area(String name, MemorySegment live, MemorySegment golden, Gate gate) {
    }

    private final List<Area> areas = new ArrayList<>();
    private final List<Supplier<String>> audits = new ArrayList<>();

    /** Covers {@code live}, keeping its golden copy in {@code golden}; both are memory {@code gate}'s domain may touch. */
    void cover(String name, MemorySegment live, MemorySegment golden, Gate gate) {
        if (golden.byteSize() != live.byteSize()) {
            throw new IllegalArgumentException("golden copy of " + name + " has the wrong size");
        }
        gate.run(() -> golden.copyFrom(live));
        areas.add(new Area(name, live, golden, gate));
    }

    /** Adds an audit: {@code audit} returns a violation, or {@code null}. It runs inside the caller's gate. */
    void audit(Supplier<String> audit) {
        audits.add(audit);
    }

    /**
     * The areas that changed since boot and the audits that failed, each named; empty if the
     * state is intact. The audits run inside {@code safeGate}.
     */
    List<String> check(Gate safeGate) {
        List<String> problems = new ArrayList<>();
        for (Area a : areas) {
            long at = a.gate().callLong(() -> a.live().mismatch(a.golden()));
            if (at >= 0) {
                problems.add(a.name() + " changed (first differing byte at offset " + at + ")");
            }
        }
        for (Supplier<String> audit : audits) {
            String problem = safeGate.call(audit);
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }
}
