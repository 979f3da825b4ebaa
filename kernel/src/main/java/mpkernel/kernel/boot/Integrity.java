package mpkernel.kernel.boot;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import mpkernel.isolation.Gate;

/**
 * The state a run must not change, and whether it did: at boot each covered area of domain
 * memory is copied to a golden area of the same domain; {@link #check} compares the two in
 * place ({@code MemorySegment.mismatch}, inside the owning domain's gate), so neither the
 * state nor its copy passes through the Java heap. Structural audits of the tables that runs
 * do change (allocators, file system) complete it.
 */
final class Integrity {

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
