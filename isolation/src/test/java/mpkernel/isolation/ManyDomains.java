package mpkernel.isolation;

/**
 * The policy the key-cache tests use: the safe kernel and the user pinned, {@code n} virtual
 * task domains {@code TASK_0..TASK_(n-1)} ({@link TaskDomains}), each with rights over its own memory only, and the safe
 * kernel with read-write rights over the user and every one of them (so its own gate is too wide for the
 * key cache, and it enters a task's memory with a gate scoped to the task).
 */
final class ManyDomains {

    private ManyDomains() {
    }

    /** Bytes of each virtual domain's region. */
    static final long BYTES = 4 * Libc.PAGE;

    /** The {@code i}-th virtual domain. */
    static Domain v(int i) {
        return TaskDomains.domain(i);
    }

    /** The policy with {@code n} virtual domains and a key cache of {@code keys} keys (0: every key left). */
    static Policy policy(int n, int keys) {
        Policy.Builder b = pinned();
        TaskDomains.declare(b, Domain.SAFE_KERNEL, n, BYTES);
        if (keys > 0) {
            b.keyCache(keys);
        }
        return b.build();
    }

    /** The pool of the task domains of {@code iso}, booted with one of these policies. */
    static TaskDomains.Pool pool(Isolation iso) {
        return declareFor(iso).attach(iso);
    }

    /** The declaration of the task domains of {@code iso}, booted with one of these policies. */
    static TaskDomains declareFor(Isolation iso) {
        int n = (int) iso.policy().domains().stream().filter(iso.policy()::isVirtual).count();
        return TaskDomains.declare(pinned(), Domain.SAFE_KERNEL, n, BYTES);
    }

    private static Policy.Builder pinned() {
        return Policy.builder().domain(Domain.SAFE_KERNEL, 1 << 16).domain(Domain.USER, 1 << 16)
                .grant(Domain.SAFE_KERNEL, Access.READ_WRITE, Domain.USER);
    }
}
