package mpkernel.bench;

import mpkernel.isolation.Gate;
import mpkernel.isolation.Isolation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A round trip into a virtual domain (enter and leave, empty body), by region size: a
 * {@link #hit} finds the domain's key in place, the gate path of {@code GateBench.roundTrip}
 * plus the key cache's bookkeeping; a {@link #miss} goes round {@link VirtualTasks#KEYS} + 1
 * domains, so that under LRU every crossing finds its domain parked and evicts the least
 * recently used one: two re-tags of a region (the evicted domain's pages to the parking key,
 * the loaded domain's to the freed key), the epoch move, the {@code membarrier} and the look at
 * the threads. Under {@code mpk-dry} a re-tag is an {@code mprotect} of the region (the same
 * page-table walk as {@code pkey_mprotect}); under {@code mprotect}, which has no key cache,
 * both are its ordinary crossing, which re-protects the region twice.
 */
public class KeyCacheBench extends Harness {

    private static final Runnable NOTHING = () -> { };

    /** The task domains, booted once per trial. */
    @State(Scope.Benchmark)
    public static class Tasks {

        /** The isolation backend, by its command-line name. */
        @Param({"none", "mpk-dry", "mprotect"})
        public String backend;

        /**
         * Bytes of each task domain's region, every page of it touched: one page, 1 MB, 16 MB
         * (what the key-cache-miss figure draws). Not called {@code size}, so that
         * {@code write_bytes}' sizes ({@code -p size=...}) do not set it.
         */
        @Param({"4096", "1048576", "16777216"})
        public long region;

        Isolation iso;
        Gate[] gates;
        int next;

        @Setup(Level.Trial)
        public void boot() {
            int n = VirtualTasks.KEYS + 1;
            iso = VirtualTasks.boot(backend, n, region);
            gates = VirtualTasks.gates(iso, n);
            if (iso.cacheKeys() != 0 && iso.cacheKeys() != VirtualTasks.KEYS) {
                throw new IllegalStateException("expected " + VirtualTasks.KEYS + " keys for the tasks, got " + iso.cacheKeys());
            }
        }

        @TearDown(Level.Trial)
        public void shutdown() {
            iso.close();
        }
    }

    /** Into a domain that holds its key. */
    @Benchmark
    public void hit(Tasks t) {
        t.gates[0].run(NOTHING);
    }

    /** Into the next of one domain more than there are keys: a re-tag of two regions each time. */
    @Benchmark
    public void miss(Tasks t) {
        int i = t.next;
        t.gates[i].run(NOTHING);
        t.next = i + 1 == t.gates.length ? 0 : i + 1;
    }
}
