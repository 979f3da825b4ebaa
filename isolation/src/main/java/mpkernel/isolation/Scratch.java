package mpkernel.isolation;

import java.lang.foreign.Arena;

/**
 * Where the isolation layer's own calls into libc keep their out-parameters (errno capture,
 * stack bounds, a BPF program).
 *
 * <p>Why not a confined arena: reading a segment checks its session through one shared,
 * force-inlined JDK method whose profile is global. A single read from a thread-confined session
 * teaches C2 that the owner check can fail, and from then on every memory-segment access in the
 * process, the user's hot loops included, compiles with a {@code Thread.currentThread()}
 * comparison. Only the isolated backends made such reads (per-thread stack bounds, pkey calls),
 * so the benchmarks' work ran 15-30% slower under them with no crossing at all. Automatic arenas
 * have no owner thread, as the domain regions' shared arena, so the profile stays clean; their
 * few bytes are freed by the garbage collector.
 */
final class Scratch {

    private Scratch() {
    }

    static Arena arena() {
        return Arena.ofAuto();
    }
}
