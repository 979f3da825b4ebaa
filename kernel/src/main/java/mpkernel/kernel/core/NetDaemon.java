package mpkernel.kernel.core;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import mpkernel.isolation.Gate;
import mpkernel.kernel.net.NetStack;
import mpkernel.kernel.net.Readiness;

/**
 * The kernel's network thread, its bottom half: it waits outside every gate for the device's
 * interrupt or the stack's next wake-up ({@link NetStack#nextWake}, a hint the stack keeps on
 * the Java heap), then enters {@code SAFE_KERNEL} once and lets the stack take what arrived
 * (one driver crossing per frame), run its timers and send what is owed. It enters only when
 * there is work: frames no caller took within {@link Readiness#graceEnd} (the interrupt also
 * wakes a caller waiting for a socket, and a caller that just left a socket call is likely to
 * come back: its own system call takes the frames), or a wake-up that has come.
 * A timer that was stopped or moved later before it came, or a delayed acknowledgement that a
 * reply carried, costs it no entry: it reads the hint again and sleeps on. So a quiet network,
 * or one busy with requests and replies, never opens the kernel for it (under
 * {@code mprotect} every entry does, to every thread). Its baseline rights are none.
 */
public final class NetDaemon {

    private final Gate kernel;
    private final NetStack stack;
    private final Semaphore interrupt;
    private final Thread thread;
    private volatile boolean stopping;

    /** A thread from {@code threads} that runs {@code stack} through {@code kernel} when {@code interrupt} is released. */
    public NetDaemon(Gate kernel, NetStack stack, Semaphore interrupt, Function<Runnable, Thread> threads) {
        this.kernel = kernel;
        this.stack = stack;
        this.interrupt = interrupt;
        this.thread = threads.apply(this::run);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Stops the thread (it finishes the round it is in). */
    public void stop() throws InterruptedException {
        stopping = true;
        interrupt.release();
        thread.join(5000);
    }

    private void run() {
        while (!stopping) {
            long due = stack.nextWake();
            boolean frames = stack.readiness().framesPending();
            long grace = stack.readiness().graceEnd() - System.nanoTime();
            if (frames && grace > 0 && (due == Long.MAX_VALUE || due - System.nanoTime() > 0)) {
                due = System.nanoTime() + grace; // a caller that just left a socket call may take them in its next
            } else if (frames || (due != Long.MAX_VALUE && due - System.nanoTime() <= 0)) {
                kernel.callLong(stack::poll);
                continue; // poll leaves a new hint (now, if it left frames behind)
            }
            try {
                if (due == Long.MAX_VALUE) {
                    interrupt.acquire();
                } else {
                    interrupt.tryAcquire(due - System.nanoTime(), TimeUnit.NANOSECONDS);
                }
                interrupt.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
