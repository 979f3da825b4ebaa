package mpkernel.experiments.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ExitCleanupTest {

    @Test
    void closingTwiceRemovesOnce() {
        AtomicInteger removals = new AtomicInteger();
        ExitCleanup cleanup = new ExitCleanup("test-cleanup", removals::incrementAndGet);
        cleanup.armHook();
        cleanup.runNow();
        cleanup.runNow();
        assertEquals(1, removals.get());
    }

    @Test
    void anUnarmedCleanupStillRemovesWhenClosed() {
        AtomicInteger removals = new AtomicInteger();
        new ExitCleanup("test-cleanup", removals::incrementAndGet).runNow();
        assertEquals(1, removals.get());
    }
}
