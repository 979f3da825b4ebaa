package mpkernel.isolation;

/** The unisolated build's gate: nothing happens on entry or exit, so the JIT reduces a crossing to its body. */
final class NoneGate extends Gate {
    NoneGate(Domain target) {
        super(target);
    }

    @Override
    ThreadState enter() {
        return null;
    }

    @Override
    void leave(ThreadState st) {
    }
}
