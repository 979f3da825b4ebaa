package mpkernel.kernel.boot;

import java.util.Locale;

import mpkernel.isolation.Access;
import mpkernel.isolation.Domain;
import mpkernel.isolation.Policy;
import mpkernel.isolation.TaskDomains;

/**
 * Domains a kernel can add to the paper's three, each declared in a few lines of
 * {@link Policy.Builder} (see {@code docs/adding-a-domain.md}).
 */
public enum OptionalDomain {

    /**
     * The device drivers, split out of {@code UNSAFE_KERNEL}: the virtio console and the faulty
     * driver run here, with their rings and DMA buffers in the domain's own region. The driver
     * may touch nothing else; the safe kernel reads and writes its buffers, and the emulated
     * device (domain {@code DEVICE}) reaches them instead of the unsafe kernel's.
     */
    DRIVER(new Domain("DRIVER"), 16L << 20) {
        @Override
        Policy.Builder declare(Policy.Builder policy) {
            return policy.domain(domain(), bytes())
                    .grant(Domain.SAFE_KERNEL, Access.READ_WRITE, domain());
        }
    },

    /**
     * The kernel secret's vault: readable only through its own gate, not even by the rest of the
     * safe kernel, and able to touch nothing but itself.
     */
    VAULT(new Domain("VAULT"), 1L << 20) {
        @Override
        Policy.Builder declare(Policy.Builder policy) {
            return policy.domain(domain(), bytes());
        }
    },

    /**
     * One domain per user task ({@code --domains per-task}): {@link #TASKS} virtual domains
     * {@code TASK_0}, {@code TASK_1}, ... of {@link #TASK_BYTES} each ({@link TaskDomains}).
     * Each task a program spawns runs in one of its own, with the rights of {@code USER} over
     * user memory besides, so a task's private memory ({@code Sys.taskMemory}) is out of every
     * other task's reach. No kernel domain has rights over them: the safe kernel keeps its plain
     * gate (under {@code mpk} a domain with rights over more virtual domains than the key cache
     * has keys has none), never touches a task's memory, and a reaped task's memory is zeroed
     * through its own gate. {@link #domain()} is {@code TASK_0}, {@link #bytes()} all of them.
     */
    PER_TASK(TaskDomains.domain(0), OptionalDomain.TASKS * OptionalDomain.TASK_BYTES) {
        @Override
        Policy.Builder declare(Policy.Builder policy) {
            TaskDomains.declareOwn(policy, TASKS, TASK_BYTES);
            for (int i = 0; i < TASKS; i++) {
                policy.grant(TaskDomains.domain(i), Access.READ_WRITE, Domain.USER);
            }
            return policy;
        }
    };

    /**
     * Task domains a kernel with {@link #PER_TASK} declares: more than the programs here ever
     * run at once, and several times the keys {@code mpk} leaves to virtual domains, so that
     * the key cache, not a key per task, is what keeps them apart; few enough that the regions
     * (mapped at boot) and the rows of every gate's rights stay small. A program may have this
     * many tasks unreaped at once; one more fails to spawn ({@code EAGAIN}).
     */
    static final int TASKS = 64;
    /** Each task's private memory: a scratch area, not a heap (the user heap stays shared). */
    static final long TASK_BYTES = 1L << 20;

    private final Domain domain;
    private final long bytes;

    OptionalDomain(Domain domain, long bytes) {
        this.domain = domain;
        this.bytes = bytes;
    }

    /** The domain. */
    public Domain domain() {
        return domain;
    }

    /** Its region's size. */
    public long bytes() {
        return bytes;
    }

    /** Adds this domain and its rights to {@code policy}. */
    abstract Policy.Builder declare(Policy.Builder policy);

    /** The domain named {@code name} (case-insensitive), for the command line. */
    public static OptionalDomain parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown domain '" + name + "'; optional domains: driver, vault, per-task");
        }
    }
}
