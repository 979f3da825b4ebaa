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
 * Its baseline rights are none.
 */
public final class NetDaemon {

    private static final long MAX_WAIT = TimeUnit.MILLISECONDS.toNanos(250);

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
            long wait = next == Long.MAX_VALUE ? MAX_WAIT : Math.min(MAX_WAIT, next - System.nanoTime());
            try {
                if (wait > 0 && interrupt.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
                    interrupt.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
