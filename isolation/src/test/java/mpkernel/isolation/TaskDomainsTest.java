package mpkernel.isolation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-task use of virtual domains on this host's backends. That a task cannot touch
 * another's memory, nor the kernel working for one task another's, is shown by the
 * {@code NEIGHBOUR} and {@code KERNEL_SCOPE} attacks of {@link VirtualEnforcementProbe}, in
 * child JVMs, here and in the PKU guest.
 */
class TaskDomainsTest {

    private static Isolation boot(Backend backend, int tasks, int keys) {
        return Isolation.boot(backend, ManyDomains.policy(tasks, keys));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"MPK_DRY", "MPROTECT", "NONE"})
    void moreTasksThanKeysRunAtOnceEachInItsOwnDomain(Backend backend) throws Exception {
        try (Isolation iso = boot(backend, 200, 4)) {
            TaskDomains.Pool pool = ManyDomains.pool(iso);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            AtomicInteger done = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                threads.add(iso.newThread("task-runner-" + t, null, () -> {
                    try {
                        for (int i = 0; i < 25; i++) {
                            try (TaskDomains.Task task = pool.claim()) {
                                long mark = Thread.currentThread().threadId() * 1000 + i;
                                task.run(() -> {
                                    if (task.memory().get(JAVA_LONG, 0) != 0) {
                                        throw new AssertionError(task + " starts with the last task's data");
                                    }
                                    task.memory().set(JAVA_LONG, 0, mark);
                                    // a system call for this task, from inside it
                                    long seen = task.kernel(() -> task.memory().get(JAVA_LONG, 0));
                                    if (seen != mark) {
                                        throw new AssertionError("the kernel read " + seen + " in " + task);
                                    }
                                });
                                done.incrementAndGet();
                            }
                        }
                    } catch (Throwable e) {
                        failed.compareAndSet(null, e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            if (failed.get() != null) {
                throw new AssertionError(failed.get());
            }
            assertEquals(300, done.get());
            assertEquals(backend == Backend.MPK_DRY ? 4 : 0, iso.cacheKeys(), "12 threads, 4 keys: the pool made them take turns");
        }
    }

    @Test
    void aReturnedDomainIsZeroedBeforeTheNextTaskGetsIt() {
        try (Isolation iso = boot(Backend.MPK_DRY, 1, 0)) {
            TaskDomains.Pool pool = ManyDomains.pool(iso);
            try (TaskDomains.Task first = pool.claim()) {
                first.run(() -> first.memory().set(JAVA_LONG, 128, 0x5EC12E7L));
                var e = assertThrows(IllegalStateException.class, pool::claim);
                assertTrue(e.getMessage().contains("all 1 task domains are in use"), e.getMessage());
            }
            TaskDomains.Task second = pool.claim();
            assertEquals(TaskDomains.domain(0), second.domain());
            assertEquals(0L, second.kernel(() -> second.memory().get(JAVA_LONG, 128)));
        }
    }

    @Test
    void aThreadRunsInOneTaskAtATime() {
        try (Isolation iso = boot(Backend.MPK_DRY, 4, 0)) {
            TaskDomains.Pool pool = ManyDomains.pool(iso);
            TaskDomains.Task a = pool.claim();
            TaskDomains.Task b = pool.claim();
            a.run(() -> {
                var e = assertThrows(IllegalStateException.class, () -> b.kernel(() -> 0));
                assertTrue(e.getMessage().contains("one task at a time"), e.getMessage());
            });
        }
    }

    @Test
    void aTaskWaitsForAKeyAndGivesUpWithAClearError() throws Exception {
        try (Isolation iso = boot(Backend.MPK_DRY, 4, 1)) {
            TaskDomains.Pool pool = ManyDomains.declareFor(iso).attach(iso, Duration.ofMillis(200));
            TaskDomains.Task a = pool.claim();
            TaskDomains.Task b = pool.claim();
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = iso.newThread("holder", null, () -> a.run(() -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            holder.start();
            inside.await();
            var e = assertThrows(IllegalStateException.class, () -> b.run(() -> { }));
            assertTrue(e.getMessage().contains("waited 200 ms for a protection key"), e.getMessage());
            release.countDown();
            holder.join();
            b.run(() -> b.memory().set(JAVA_LONG, 0, 1)); // the key is free again
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"MPK_DRY", "MPROTECT", "NONE"})
    void withoutAKernelEveryDomainKeepsAPlainGateAndAClosedTaskIsZeroedFromAnotherTask(Backend backend) {
        Policy.Builder b = Policy.builder().domain(Domain.SAFE_KERNEL, 1 << 16).domain(Domain.USER, 1 << 16);
        TaskDomains tasks = TaskDomains.declareOwn(b, 40, ManyDomains.BYTES);
        for (int i = 0; i < 40; i++) {
            b.grant(TaskDomains.domain(i), Access.READ_WRITE, Domain.USER);
        }
        try (Isolation iso = Isolation.boot(backend, b.build())) {
            iso.gate(Domain.SAFE_KERNEL).run(() -> { }); // 40 virtual domains, and the kernel's plain gate is still there
            TaskDomains.Pool pool = tasks.attach(iso);
            TaskDomains.Task a = pool.claim();
            TaskDomains.Task b2 = pool.claim();
            a.run(() -> a.memory().set(JAVA_LONG, 64, 0x5EC12E7L));
            assertThrows(IllegalStateException.class, () -> a.kernel(() -> 0));
            b2.run(a::close); // a reaper running in another task zeroes a's memory through a's own gate
            TaskDomains.Task again = pool.claim();
            while (!again.domain().equals(a.domain())) {
                again = pool.claim();
            }
            TaskDomains.Task reused = again;
            long[] seen = new long[1];
            reused.run(() -> seen[0] = reused.memory().get(JAVA_LONG, 64));
            assertEquals(0L, seen[0]);
        }
    }
}
