package mpkernel.kernel.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import mpkernel.isolation.Domain;
import mpkernel.isolation.Gate;
import mpkernel.isolation.Isolation;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SysError;

/**
 * The program's tasks: each a platform thread whose rights outside every gate are the user
 * domain's (it sets them itself when it starts, though the kernel creates it inside a system
 * call) and that enters {@code USER} through the user gate. A task that dies leaves a
 * description made inside the user gate; the kernel never formats a program's exception itself.
 */
public final class Tasks {

    private final Isolation iso;
    private final Gate userGate;
    private final AtomicInteger ids = new AtomicInteger(1);
    private final Map<Integer, Task> tasks = new ConcurrentHashMap<>();

    public Tasks(Isolation iso, Gate userGate) {
        this.iso = iso;
        this.userGate = userGate;
    }

    private static final class Task {
        Thread thread;
        volatile String failure;
    }

    /** Starts {@code body} in {@code USER} on a new task; returns its id. */
    public int spawn(Runnable body) {
        int tid = ids.incrementAndGet();
        Task task = new Task();
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
        task.thread.start();
        return tid;
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
        if (task.failure != null) {
            throw new SysError(Errno.ECHILD, "task " + tid + " died: " + task.failure);
        }
    }
}
