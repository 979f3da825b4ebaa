package mpkernel.isolation;

/** A gate of the {@code mprotect} backend: it asks {@link MprotectSwitch} to re-protect the regions whose rights change. */
final class MprotectGate extends Gate {
    private final MprotectSwitch rights;
    private final int domainIndex;

    MprotectGate(MprotectSwitch rights, Domain target, int domainIndex) {
        super(target);
        this.rights = rights;
        this.domainIndex = domainIndex;
    }

    @Override
    int enter() {
        ThreadState st = ThreadState.current();
        st.count(this);
        st.push(target);
        return rights.switchTo(domainIndex);
    }

    @Override
    void leave(int previous) {
        rights.switchTo(previous);
        ThreadState.current().pop();
    }
}
