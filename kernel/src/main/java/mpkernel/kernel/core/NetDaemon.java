package mpkernel.kernel.core;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import mpkernel.isolation.Gate;
import mpkernel.kernel.net.NetStack;

/**
 * The kernel's network thread, its bottom half: it waits outside every gate for the device's
 * interrupt or the stack's next timer, then enters {@code SAFE_KERNEL} once and lets the stack
 * take what arrived (one driver crossing per frame), run its timers and send what is owed.
 * With no timer running it sleeps until a frame arrives or a system call starts a timer, so a
 * quiet network never opens the kernel (under {@code mprotect} every entry does, to every
 * thread). Its baseline rights are none.
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
            long next = kernel.callLong(() -> stack.poll());
            try {
                if (next == Long.MAX_VALUE) {
                    interrupt.acquire();
                    interrupt.drainPermits();
                } else if (interrupt.tryAcquire(next - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    interrupt.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
