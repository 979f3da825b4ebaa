package mpkernel.isolation;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One protection domain per task: the use that needs more domains than MPK has keys. Each task
 * gets a virtual domain of its own ({@code TASK_0}, {@code TASK_1}, ...), which no other task
 * can touch; the kernel domain may touch every task's memory, but enters it one task at a time,
 * through a gate scoped to that task ({@link Isolation#gate(Domain, Domain...)}), so even
 * the kernel, working for one task, cannot reach another's.
 *
 * {@snippet :
 * Policy.Builder b = Policy.builder().domain(Domain.SAFE_KERNEL, 64 << 20);
 * TaskDomains tasks = TaskDomains.declare(b, Domain.SAFE_KERNEL, 1000, 1 << 20);
 * Isolation iso = Isolation.boot(Backend.MPK, b.build());
 * TaskDomains.Pool pool = tasks.attach(iso);
 * try (TaskDomains.Task t = pool.claim()) {
 *     t.run(() -> t.memory().set(JAVA_LONG, 0, 42));                 // in TASK_i
 *     long v = t.kernel(() -> t.memory().get(JAVA_LONG, 0));          // the kernel, for TASK_i only
 * }
 * }
 *
 * <p><b>Keys.</b> Under {@code mpk} a task's domain holds a key while a thread runs in it. The
 * key cache fails an entry when every key is held; the pool instead makes a task wait for a
 * key (at most the pool's wait, then it fails the same way): at most as many tasks run inside
 * their domains at one time as there are keys. A task that waits, inside its domain, for
 * another task that waits for a key, waits for the whole wait and fails; so does a task that
 * runs while other virtual domains of the same isolation hold keys. Under {@code mprotect} and
 * {@code none} there is no limit and nobody waits.
 *
 * <p><b>Reuse.</b> A task domain returned to the pool is zeroed first, from the kernel's gate
 * scoped to it (or, for task domains declared without a kernel, {@link #declareOwn}, from the
 * task's own gate), so the next task never sees the last one's data.
 */
public final class TaskDomains {

    private final Domain kernel;
    private final int count;

    private TaskDomains(Domain kernel, int count) {
        this.kernel = kernel;
        this.count = count;
    }

    /**
     * Declares {@code count} virtual task domains of {@code bytes} each on {@code policy}, each
     * with rights over its own memory only, and gives {@code kernel} (declared already) the
     * right to read and write every one of them.
     */
    public static TaskDomains declare(Policy.Builder policy, Domain kernel, int count, long bytes) {
        Objects.requireNonNull(kernel, "kernel");
        if (count < 1) {
            throw new IllegalArgumentException("at least one task domain, not " + count);
        }
        for (int i = 0; i < count; i++) {
            policy.virtualDomain(domain(i), bytes).grant(kernel, Access.READ_WRITE, domain(i));
        }
        return new TaskDomains(kernel, count);
    }

    /**
     * Declares {@code count} virtual task domains of {@code bytes} each on {@code policy}, each
     * with rights over its own memory only, and no kernel domain over them: nothing but a task
     * itself may touch its memory, and a closed task's memory is zeroed through its own gate.
     * For a kernel whose kernel domain must keep a plain gate (under {@code mpk} a domain with
     * rights over more virtual domains than there are keys has none) and has no need to touch
     * its tasks' memory.
     */
    public static TaskDomains declareOwn(Policy.Builder policy, int count, long bytes) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one task domain, not " + count);
        }
        for (int i = 0; i < count; i++) {
            policy.virtualDomain(domain(i), bytes);
        }
        return new TaskDomains(null, count);
    }

    /**
     * The declaration {@link #declareOwn} made ({@code kernel} {@code null}) or {@link #declare}
     * made, for a booted isolation whose policy was built elsewhere; {@link #attach} checks it.
     */
    public static TaskDomains declared(Domain kernel, int count) {
        return new TaskDomains(kernel, count);
    }

    /** The {@code i}-th task domain. */
    public static Domain domain(int i) {
        return new Domain("TASK_" + i);
    }

    /** How many task domains were declared. */
    public int count() {
        return count;
    }

    /** The pool of task domains of {@code iso}, whose policy was built with this declaration; tasks wait up to 10 s for a key. */
    public Pool attach(Isolation iso) {
        return attach(iso, Duration.ofSeconds(10));
    }

    /** Like {@link #attach(Isolation)}, with tasks waiting up to {@code wait} for a key. */
    public Pool attach(Isolation iso, Duration wait) {
        for (int i = 0; i < count; i++) {
            if (!iso.policy().declares(domain(i)) || !iso.policy().isVirtual(domain(i))) {
                throw new IllegalArgumentException(iso + " was not booted with these task domains: " + domain(i) + " is missing");
            }
        }
        return new Pool(iso, wait);
    }

    /** The task domains of one isolation, handed out one per task. */
    public final class Pool {
        private final Isolation iso;
        private final Deque<Integer> free = new ArrayDeque<>();
        /** One permit per key of the key cache; {@code null} where there is no key limit. */
        private final Semaphore keys;
        private final Duration wait;
        private final ThreadLocal<Task> running = new ThreadLocal<>();

        private Pool(Isolation iso, Duration wait) {
            this.iso = iso;
            this.wait = wait;
            this.keys = iso.cacheKeys() == 0 ? null : new Semaphore(iso.cacheKeys(), true);
            for (int i = 0; i < count; i++) {
                free.add(i);
            }
        }

        /**
         * A task domain for a new task, zeroed.
         *
         * @throws IllegalStateException if every task domain is taken
         */
        public synchronized Task claim() {
            Integer i = free.poll();
            if (i == null) {
                throw new IllegalStateException("all " + count + " task domains are in use; declare more, or close finished tasks");
            }
            return new Task(this, i);
        }

        private synchronized void release(int index) {
            free.add(index);
        }

        /** Runs {@code body} holding one of the keys, or in the task this thread already runs in. */
        private long withKey(Task task, java.util.function.LongSupplier body) {
            Task current = running.get();
            if (current == task) {
                return body.getAsLong();
            }
            if (current != null) {
                throw new IllegalStateException("a thread runs in one task at a time: it is in " + current.domain
                        + " and cannot enter " + task.domain);
            }
            acquire(task);
            running.set(task);
            try {
                return body.getAsLong();
            } finally {
                running.remove();
                if (keys != null) {
                    keys.release();
                }
            }
        }

        /** Zeroes {@code task}'s memory through its own gate, from whatever task this thread runs in. */
        private void zero(Task task) {
            Task outer = running.get();
            running.remove();
            try {
                withKey(task, () -> {
                    task.gate.run(() -> task.memory().fill((byte) 0));
                    return 0;
                });
            } finally {
                if (outer != null) {
                    running.set(outer);
                }
            }
        }

        private void acquire(Task task) {
            if (keys == null) {
                return;
            }
            try {
                if (!keys.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(task.domain + " waited " + wait.toMillis() + " ms for a protection key: "
                            + iso.cacheKeys() + " tasks are running inside their domains");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(task.domain + " was interrupted while it waited for a protection key", e);
            }
        }
    }

    /** One task's domain, until {@link #close}. */
    public final class Task implements AutoCloseable {
        private final Pool pool;
        private final int index;
        private final Domain domain;
        private final Gate gate;
        private final Gate kernelGate;
        private boolean closed;

        private Task(Pool pool, int index) {
            this.pool = pool;
            this.index = index;
            this.domain = TaskDomains.domain(index);
            this.gate = pool.iso.gate(domain);
            this.kernelGate = kernel == null ? null : pool.iso.gate(kernel, domain);
        }

        /** The task's domain. */
        public Domain domain() {
            return domain;
        }

        /** The task's memory: touch it only from {@link #run} or {@link #kernel}. */
        public MemorySegment memory() {
            return pool.iso.memory(domain).segment();
        }

        /** Runs {@code body} in the task's domain, waiting for a key if all are held. */
        public void run(Runnable body) {
            checkOpen();
            pool.withKey(this, () -> {
                gate.run(body);
                return 0;
            });
        }

        /**
         * Runs {@code body} in the kernel domain, with rights over this task's memory and no
         * other task's: a system call made for this task. From inside {@link #run} it needs no
         * key of its own.
         *
         * @throws IllegalStateException if the task domains were declared without a kernel
         */
        public long kernel(java.util.function.LongSupplier body) {
            checkOpen();
            if (kernelGate == null) {
                throw new IllegalStateException(domain + " was declared without a kernel domain over it");
            }
            return pool.withKey(this, () -> kernelGate.callLong(body));
        }

        /**
         * Zeroes the task's memory and gives its domain back to the pool. Idempotent. Without a
         * kernel domain the memory is zeroed through the task's own gate, which any thread may
         * call this from, even one running in another task (the kernel reaping a task for the
         * task that waited for it).
         */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (kernelGate == null) {
                pool.zero(this);
            } else {
                kernel(() -> {
                    memory().fill((byte) 0);
                    return 0;
                });
            }
            closed = true;
            pool.release(index);
        }

        private void checkOpen() {
            if (closed) {
                throw new IllegalStateException(domain + " was given back to the pool");
            }
        }

        @Override
        public String toString() {
            return "Task[" + domain + "]";
        }
    }
}
