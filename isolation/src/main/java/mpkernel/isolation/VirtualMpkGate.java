package mpkernel.isolation;

/**
 * An {@link MpkGate} whose rights cover virtual domains, whose keys the {@link KeyCache} moves.
 * Its PKRU is its last {@link KeyCache.Grant}, valid while the cache's epoch has not moved.
 *
 * <p>Entry, when the grant is still valid (a cache hit): take the thread's holds on the
 * grant's keys, then one stub call that writes PKRU only if the epoch did not move (it returns
 * the caller's PKRU, as {@link PkruStubs#swap} does). Otherwise (a miss, a crossing after
 * another gate's miss, the gate's first crossing) the holds are dropped again and
 * {@link KeyCache#admit} loads what is missing under the cache's lock. Exit writes the
 * caller's PKRU back, then drops the holds: the keys stay put for as long as any PKRU of this
 * entry can be in force. No branch on the hit path but the stub's answer: a gate starts with
 * {@link KeyCache.Grant#NONE}, which no epoch matches.
 */
final class VirtualMpkGate extends Gate {
    private final Isolation owner;
    private final KeyCache cache;
    private final PkruRegister register;
    /** The cache's epoch word, for the stub. */
    private final long epochAddress;
    /** The rights over pinned domains, every other key denied. */
    final int pinnedPkru;
    /** The policy indexes of the virtual domains this gate's rights cover. */
    final int[] scope;
    /** The last grant the cache computed for this gate ({@link KeyCache.Grant#NONE} at first); written under the cache's lock, immutable. */
    KeyCache.Grant grant = KeyCache.Grant.NONE;

    VirtualMpkGate(Isolation owner, Domain target, KeyCache cache, PkruRegister register, Pkru pinned, int[] scope) {
        super(target);
        this.owner = owner;
        this.cache = cache;
        this.register = register;
        this.epochAddress = cache.epochAddress;
        this.pinnedPkru = pinned.value();
        this.scope = scope.clone();
    }

    @Override
    ThreadState enter() {
        owner.checkOpen();
        ThreadState st = ThreadState.current();
        Counter c = st.counter(this);
        int slot = st.reserve();
        KeyCache.Grant g = grant;
        long[] use = st.keyUse;
        KeyHolders.take(use, g.keys());
        long saved = register.swapIf(g.pkru(), st.stackLimit(), epochAddress, g.epoch());
        if (saved >= 0) {
            // rights are switched: from here on nothing may fail before the body's try block
            st.record(slot, targetId, g.keys(), (int) saved);
            c.n++;
            return st;
        }
        KeyHolders.drop(use, g.keys());
        if (saved != PkruStubs.MOVED) {
            throw ThreadState.noHeadroom(this);
        }
        return admitted(st, slot, c);
    }

    /** The slow path: the cache loads what is missing and takes the holds, then the switch. */
    private ThreadState admitted(ThreadState st, int slot, Counter c) {
        KeyCache.Grant g = cache.admit(this, st);
        // The holds were taken under the cache's lock, so no later eviction can take these keys:
        // the grant stays right even if the epoch moves before the switch.
        long saved = register.swap(g.pkru(), st.stackLimit());
        if (saved < 0) {
            KeyHolders.drop(st.keyUse, g.keys());
            throw ThreadState.noHeadroom(this);
        }
        st.record(slot, targetId, g.keys(), (int) saved);
        c.n++;
        if (slot == 0) {
            cache.vet(st, (int) saved);
        }
        return st;
    }

    @Override
    void leave(ThreadState st) {
        long entry = st.popEntry();
        try {
            register.write((int) entry);
        } catch (Throwable t) {
            throw FailClosed.halt("the PKRU of " + Thread.currentThread() + " could not be restored on leaving " + this, t);
        }
        KeyHolders.drop(st.keyUse, ThreadState.auxOf(entry));
    }
}
