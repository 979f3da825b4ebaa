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
        st.count(this);
        Domain from = st.top();
        int fromIndex = from == null ? MprotectSwitch.OUTSIDE : policy.index(from);
        st.save(st.push(targetId), fromIndex);
        rights.move(fromIndex, domainIndex);
        return st;
    }

    @Override
    void leave(ThreadState st) {
        rights.move(domainIndex, st.pop());
    }
}
