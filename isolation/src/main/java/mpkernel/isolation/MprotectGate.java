package mpkernel.isolation;

/** A gate of the {@code mprotect} backend: it tells {@link MprotectSwitch} which domain the thread moves to. */
final class MprotectGate extends Gate {
    private final MprotectSwitch rights;
    private final Policy policy;
    private final int domainIndex;

    MprotectGate(MprotectSwitch rights, Policy policy, Domain target) {
        super(target);
        this.rights = rights;
        this.policy = policy;
        this.domainIndex = policy.index(target);
    }

    @Override
    ThreadState enter() {
        ThreadState st = ThreadState.current();
        Counter c = st.counter(this);
        int slot = st.reserve();
        Domain from = st.top();
        int fromIndex = from == null ? MprotectSwitch.OUTSIDE : policy.index(from);
        if (!RegionSyscalls.roomFor(st.stackLimit())) {
            throw ThreadState.noHeadroom(this);
        }
        rights.move(fromIndex, domainIndex);   // throws with nothing changed, or fails closed
        st.record(slot, targetId, fromIndex);
        c.n++;
        return st;
    }

    @Override
    void leave(ThreadState st) {
        rights.move(domainIndex, st.pop());
    }
}
