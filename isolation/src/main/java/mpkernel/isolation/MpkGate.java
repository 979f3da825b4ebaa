package mpkernel.isolation;

/**
 * A gate that writes PKRU (or, under {@link Backend#MPK_DRY}, its emulated stand-in):
 * {@link PkruStubs#swap} on entry (returning the caller's PKRU, kept on the thread's domain
 * stack) and {@link PkruStubs#write} of that value on exit. The whole PKRU is written on entry,
 * never patched, because a thread's earlier rights are not to be trusted (a thread that
 * predates the key allocation starts with every new key denied).
 */
final class MpkGate extends Gate {
    private final int pkru;
    private final Isolation owner;
    private final PkruRegister register;

    MpkGate(Isolation owner, Domain target, Pkru pkru, PkruRegister register) {
        super(target);
        this.owner = owner;
        this.pkru = pkru.value();
        this.register = register;
    }

    @Override
    ThreadState enter() {
        owner.checkOpen();
        ThreadState st = ThreadState.current();
        Counter c = st.counter(this);
        int slot = st.reserve();
        long saved = register.swap(pkru, st.stackLimit());
        if (saved < 0) {
            throw ThreadState.noHeadroom(this);
        }
        // rights are switched: from here on nothing may fail before the body's try block
        st.record(slot, targetId, (int) saved);
        c.n++;
        return st;
    }

    @Override
    void leave(ThreadState st) {
        int saved = st.pop();
        try {
            register.write(saved);
        } catch (Throwable t) {
            throw FailClosed.halt("the PKRU of " + Thread.currentThread() + " could not be restored on leaving " + this, t);
        }
    }
}
