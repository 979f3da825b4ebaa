package mpkernel.bench;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import mpkernel.isolation.Isolation;

/**
 * JMH's worker pool ({@code -Djmh.executor=CUSTOM}), made of the kernel's own kind of thread
 * ({@link Isolation#threadFactory}). The kernel runs every program task on such a thread, and
 * a gate finds its per-thread state there in a field; on JMH's default workers it would read a
 * thread-local instead (about 1 ns more per crossing), measuring a path the kernel's tasks
 * never take. A fixed pool: JMH wants its workers stable across iterations.
 */
public final class DomainThreadPool extends ThreadPoolExecutor {

    /** The constructor JMH's {@code CUSTOM} executor calls: at most {@code threads} workers named {@code prefix-N}. */
    public DomainThreadPool(int threads, String prefix) {
        super(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), Isolation.threadFactory(prefix));
    }
}
