package mpkernel.attacks;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.api.UserProgram;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * {@code attack-task-neighbour}: under {@code --domains per-task}, task A writes a secret into
 * its private memory ({@link Sys#taskMemory}) and hands the {@code MemorySegment} to task B over
 * the shared Java heap; B reads it. The Java reference is no capability: the memory stays A's.
 *
 * <p>B reads only once A's thread has ended (B joins it as a Java thread): A's domain is still
 * A's (a task's domain is given back when the task is reaped, which {@code main} does after B),
 * and no thread runs in it. That matters under {@code mprotect}, whose rights are the union of
 * every thread's current gate: while A ran in its domain, anyone could read it.
 *
 * <p>{@code attack-task-neighbour own} is the honest use: two tasks each write and read back
 * their own memory, and the program ends normally.
 */
@Program(name = "attack-task-neighbour", description = "ATTACK: under --domains per-task, a task reads another task's private memory through a handed-over segment")
public final class AttackTaskNeighbour implements UserProgram {

    /** What A writes; not the kernel secret, so the launcher's leak check has nothing to say. */
    static final String SECRET = "task-A-private-5ec7e7";

    @Override
    public int main(Sys sys, List<String> args) {
        if (args.equals(List.of("own"))) {
            return own(sys);
        }
        AtomicReference<Thread> aThread = new AtomicReference<>();
        AtomicReference<MemorySegment> handed = new AtomicReference<>();
        int a = sys.threadSpawn(() -> {
            aThread.set(Thread.currentThread());
            MemorySegment mine = sys.taskMemory(); // ENOSYS without --domains per-task: A dies, B gives up
            mine.setString(0, SECRET);
            handed.set(mine);
        });
        int b = sys.threadSpawn(() -> {
            while (aThread.get() == null) {
                Thread.onSpinWait();
            }
            try {
                aThread.get().join(); // A has left its domain for good; nobody runs in it now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (handed.get() == null) {
                sys.write(Sys.STDOUT, "attack-task-neighbour: task A got no private memory (run with --domains per-task)\n");
                return;
            }
            sys.write(Sys.STDOUT, "attack-task-neighbour: task B reads the memory task A handed over\n");
            String got = handed.get().getString(0);
            sys.write(Sys.STDOUT, "attack-task-neighbour: task B read task A's secret: " + got + "\n");
        });
        sys.threadJoin(b);
        sys.threadJoin(a);
        return 0;
    }

    /** Two tasks, each writing its own pattern into its own memory and reading it back after the other wrote. */
    private static int own(Sys sys) {
        try {
            sys.taskMemory();
            sys.write(Sys.STDOUT, "attack-task-neighbour own: the main task got task memory\n");
            return 1;
        } catch (SysError e) {
            if (e.errno() != Errno.ENOSYS) {
                throw e;
            }
        }
        AtomicReference<String> failure = new AtomicReference<>();
        java.util.concurrent.CyclicBarrier bothWrote = new java.util.concurrent.CyclicBarrier(2);
        long[] addresses = new long[2];
        int[] tids = new int[2];
        for (int t = 0; t < 2; t++) {
            int me = t;
            tids[t] = sys.threadSpawn(() -> {
                MemorySegment mine = sys.taskMemory();
                addresses[me] = mine.address();
                long pattern = 0x7A5C000000000000L | me;
                for (long off = 0; off < mine.byteSize(); off += 4096) {
                    if (mine.get(JAVA_LONG, off) != 0) {
                        failure.set("task " + me + " found its memory not zeroed at " + off);
                    }
                    mine.set(JAVA_LONG, off, pattern);
                }
                try {
                    bothWrote.await();
                } catch (Exception e) {
                    failure.set("task " + me + ": " + e);
                }
                for (long off = 0; off < mine.byteSize(); off += 4096) {
                    if (mine.get(JAVA_LONG, off) != pattern) {
                        failure.set("task " + me + " lost its data at " + off);
                    }
                }
            });
        }
        sys.threadJoin(tids[0]);
        sys.threadJoin(tids[1]);
        if (failure.get() != null || addresses[0] == addresses[1]) {
            sys.write(Sys.STDOUT, "attack-task-neighbour own: FAILED: " + (failure.get() != null ? failure.get() : "both tasks got the same memory") + "\n");
            return 1;
        }
        sys.write(Sys.STDOUT, "attack-task-neighbour own: two tasks, each its own memory: OK\n");
        return 0;
    }
}
