package mpkernel.isolation;

/**
 * A gate of the {@code mprotect} backend: it tells {@link MprotectSwitch} which rights the
 * thread moves to. Its stack entry keeps its own row (the {@code aux} bits, which the next gate
 * in reads to know where the thread comes from) and the row it came from, to go back to.
 */
final class MprotectGate extends Gate {
    private final MprotectSwitch rights;
    private final int row;

    MprotectGate(MprotectSwitch rights, Domain target, int row) {
        super(target);
        this.rights = rights;
        this.row = row;
    }

    @Override
    ThreadState enter() {
        ThreadState st = ThreadState.current();
        Counter c = st.counter(this);
        int slot = st.reserve();
        int from = MprotectSwitch.OUTSIDE;
        if (slot > 0) {
            long outer = st.entry(slot - 1);
            from = ThreadState.auxOf(outer);
            if (!ThreadState.domainOf(outer).equals(rights.domainOf(from))) {
                throw new IllegalStateException("cannot cross " + this + " from inside " + ThreadState.domainOf(outer)
                        + ", a gate of another isolation: nothing was switched");
            }
        }
        if (!RegionSyscalls.roomFor(st.stackLimit())) {
            throw ThreadState.noHeadroom(this);
        }
        rights.move(from, row);   // throws with nothing changed, or fails closed
        st.record(slot, targetId, row, from);
        c.n++;
        return st;
    }

    @Override
    void leave(ThreadState st) {
        long entry = st.popEntry();
        rights.move(ThreadState.auxOf(entry), (int) entry);
    }
}
