package mpkernel.kernel.core;

import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import mpkernel.isolation.Domain;
import mpkernel.isolation.Gate;
import mpkernel.isolation.Isolation;
import mpkernel.isolation.TaskDomains;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SysError;

/**
 * The program's tasks: each a platform thread whose rights outside every gate are the user
 * domain's (it sets them itself when it starts, though the kernel creates it inside a system
 * call) and that enters {@code USER} through the user gate. A task that dies leaves a
 * description made inside the user gate; the kernel never formats a program's exception itself.
 *
 * <p>With a pool of task domains ({@code --domains per-task}) each task instead runs in a
 * domain of its own, {@code TASK_i}, claimed when it is spawned, on a thread with no rights
 * outside its gate. The domain is the task's until the task is reaped ({@link #join}), not
 * merely until its thread ends: it is zeroed and given back then. Between the two no thread
 * runs in it, so nobody may touch it.
 */
public final class Tasks {

    private final Isolation iso;
    private final Gate userGate;
    private final AtomicInteger ids = new AtomicInteger(1);
    private final Map<Integer, Task> tasks = new ConcurrentHashMap<>();
    /** The task domains, or {@code null} when each task runs in {@code USER}. */
    private final TaskDomains.Pool domains;
    /** The task domain of the task this thread runs, if any. */
    private final ThreadLocal<TaskDomains.Task> own = new ThreadLocal<>();

    public Tasks(Isolation iso, Gate userGate) {
        this(iso, userGate, null);
    }

    /** Tasks each in a domain of its own from {@code domains} ({@code null}: all in {@code USER}). */
    public Tasks(Isolation iso, Gate userGate, TaskDomains.Pool domains) {
        this.iso = iso;
        this.userGate = userGate;
        this.domains = domains;
    }

    private static final class Task {
        Thread thread;
        TaskDomains.Task domain;
        volatile String failure;
    }

    /** Makes a task that will run {@code body} in {@code USER} (or a task domain of its own), not yet started ({@link #start}); returns its id. */
    public int spawn(Runnable body) {
        int tid = ids.incrementAndGet();
        Task task = new Task();
        if (domains != null) {
            try {
                task.domain = domains.claim();
            } catch (IllegalStateException e) {
                throw new SysError(Errno.EAGAIN, e.getMessage());
            }
            TaskDomains.Task domain = task.domain;
            task.thread = iso.newThread("user-task-" + tid, null, () -> {
                own.set(domain);
                try {
                    domain.run(() -> {
                        try {
                            body.run();
                        } catch (Throwable e) {
                            task.failure = Termination.describe(e);
                        }
                    });
                } catch (Throwable e) {
                    task.failure = "the task could not enter its domain " + domain.domain() + ": " + e.getClass().getName();
                }
            });
            tasks.put(tid, task);
            return tid;
        }
        task.thread = iso.newThread("user-task-" + tid, Domain.USER, () -> {
            try {
                task.failure = userGate.call(() -> {
                    try {
                        body.run();
                        return null;
                    } catch (Throwable e) {
                        return Termination.describe(e);
                    }
                });
            } catch (Throwable e) {
                task.failure = "the task could not enter the user domain: " + e.getClass().getName();
            }
        });
        tasks.put(tid, task);
        return tid;
    }

    /**
     * Starts the task {@link #spawn} made. Called after the spawning system call left the kernel's
     * gate: under {@code mprotect} the rights of a thread inside a gate are every thread's, so a
     * task started inside it could run program code while the safe kernel is open.
     */
    public void start(int tid) {
        Task task = tasks.get(tid);
        if (task != null && task.thread.getState() == Thread.State.NEW) {
            task.thread.start();
        }
    }

    /**
     * Waits for task {@code tid} to end, if there is one; called outside every gate, so that a
     * thread waiting for another holds no kernel rights meanwhile (under {@code mprotect} they
     * would be everyone's for as long as it waits). Touches only this registry, on the Java heap.
     */
    public void await(int tid) {
        Task task = tasks.get(tid);
        if (task == null) {
            return;
        }
        try {
            task.thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SysError(Errno.EINVAL, "interrupted while joining task " + tid);
        }
    }

    /** Reaps task {@code tid}, which {@link #await} saw end; rethrows what killed it. */
    public void join(int tid) {
        Task task = tasks.get(tid);
        if (task == null) {
            throw new SysError(Errno.ECHILD, "no task " + tid);
        }
        if (task.thread.isAlive()) {
            throw new SysError(Errno.EINVAL, "task " + tid + " has not ended");
        }
        tasks.remove(tid);
        if (task.domain != null) {
            task.domain.close();
        }
        if (task.failure != null) {
            throw new SysError(Errno.ECHILD, "task " + tid + " died: " + task.failure);
        }
    }

    /**
     * The calling task's private memory: its task domain's region, which only code running in
     * that task may touch.
     *
     * @throws SysError {@link Errno#ENOSYS} if the kernel runs without task domains, or the
     *     caller is not a task spawned under them (the program's main task runs in {@code USER})
     */
    public MemorySegment ownMemory() {
        if (domains == null) {
            throw new SysError(Errno.ENOSYS, "taskMemory: this kernel runs without --domains per-task");
        }
        TaskDomains.Task domain = own.get();
        if (domain == null) {
            throw new SysError(Errno.ENOSYS, "taskMemory: the caller is not a task with a domain of its own (the main task runs in USER)");
        }
        return domain.memory();
    }
}
