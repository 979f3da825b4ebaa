package mpkernel.kernel.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import mpkernel.isolation.Gate;
import mpkernel.isolation.Isolation;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SysError;

/**
 * The program's tasks: each a platform thread that enters {@code USER} through the user gate.
 * A task carries its domain stack and saved PKRU in its thread (the gates keep them per OS
 * thread), so crossings on one task never disturb another's rights under {@code mpk}.
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
        final Thread thread;
        volatile Throwable failure;

        Task(Thread thread) {
            this.thread = thread;
        }
    }

    /** Starts {@code body} in {@code USER} on a new task; returns its id. */
    public int spawn(Runnable body) {
        int tid = ids.incrementAndGet();
        Task[] self = new Task[1];
        Thread t = iso.newThread("user-task-" + tid, () -> {
            try {
                userGate.run(body);
            } catch (Throwable e) {
                self[0].failure = e;
            }
        });
        self[0] = new Task(t);
        tasks.put(tid, self[0]);
        t.start();
        return tid;
    }

    /** Waits for task {@code tid}. */
    public void join(int tid) {
        Task task = tasks.remove(tid);
        if (task == null) {
            throw new SysError(Errno.ECHILD, "no task " + tid);
        }
        try {
            task.thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SysError(Errno.EINVAL, "interrupted while joining task " + tid);
        }
        if (task.failure != null) {
            throw new SysError(Errno.ECHILD, "task " + tid + " died: " + task.failure);
        }
    }
}
