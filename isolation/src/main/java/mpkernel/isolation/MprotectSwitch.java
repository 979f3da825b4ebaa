package mpkernel.isolation;

/**
 * The process-wide rights of the {@code mprotect} backend. Page protection belongs to the
 * address space, not to a thread, so this backend has one current domain for the whole
 * process: two threads in different domains at once see the rights of whichever switched
 * last. That is the classic baseline's real limitation, and one reason MPK exists.
 */
final class MprotectSwitch {

    /** Index meaning "outside every gate": all regions readable and writable, as after boot. */
    static final int BOOT = -1;

    private final Policy policy;
    private final DomainMemory[] regions;
    private final Access[] current;
    private int currentDomain = BOOT;
    private volatile boolean closed;

    MprotectSwitch(Policy policy, DomainMemory[] regions) {
        this.policy = policy;
        this.regions = regions;
        this.current = new Access[regions.length];
        java.util.Arrays.fill(current, Access.READ_WRITE);
    }

    /** Makes {@code domainIndex}'s rights the process's; returns the previous domain index. */
    synchronized int switchTo(int domainIndex) {
        if (closed) {
            throw new IllegalStateException("isolation is closed");
        }
        int previous = currentDomain;
        for (int r = 0; r < regions.length; r++) {
            Access want = domainIndex == BOOT ? Access.READ_WRITE
                    : policy.access(policy.domains().get(domainIndex), regions[r].domain());
            if (want != current[r]) {
                Libc.mprotect(regions[r].address(), regions[r].byteSize(), protection(want));
                current[r] = want;
            }
        }
        currentDomain = domainIndex;
        return previous;
    }

    synchronized void close() {
        closed = true;
    }

    static int protection(Access access) {
        return switch (access) {
            case READ_WRITE -> Libc.PROT_READ | Libc.PROT_WRITE;
            case READ_ONLY -> Libc.PROT_READ;
            case NONE -> Libc.PROT_NONE;
        };
    }
}
