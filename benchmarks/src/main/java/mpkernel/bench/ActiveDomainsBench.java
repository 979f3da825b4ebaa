package mpkernel.bench;

import java.util.SplittableRandom;

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
 * The cost of a domain switch against the number of domains in use, the figure libmpk draws
 * for its key virtualization: a round trip into one of {@code domains} virtual domains (one
 * page each), chosen uniformly at random (a fixed sequence), with {@link VirtualTasks#KEYS}
 * keys to share. Up to that many domains every switch hits; beyond, a switch misses with
 * probability {@code 1 - KEYS/domains} (uniform references: any replacement policy), so the
 * cost should follow {@code hit + (1 - KEYS/domains) * (miss - hit)}, with hit and miss from
 * {@link KeyCacheBench} at 4096 bytes. {@code mprotect} has no limit and no cache: flat.
 */
public class ActiveDomainsBench extends Harness {

    private static final Runnable NOTHING = () -> { };
    private static final int SEQUENCE = 1 << 12;

    /** The domains and the order they are entered in. */
    @State(Scope.Benchmark)
    public static class Active {

        /** The isolation backend, by its command-line name. */
        @Param({"none", "mpk-dry", "mprotect"})
        public String backend;

        /**
         * How many virtual domains the switches go to: dense around {@link VirtualTasks#KEYS}
         * (10), where the key cache starts to miss, sparse beyond (the key-cache figure).
         */
        @Param({"1", "4", "8", "10", "11", "12", "16", "32", "64", "256"})
        public int domains;

        Isolation iso;
        Gate[] gates;
        int[] order;
        int next;

        @Setup(Level.Trial)
        public void boot() {
            iso = VirtualTasks.boot(backend, domains, 4096);
            gates = VirtualTasks.gates(iso, domains);
            SplittableRandom random = new SplittableRandom(20);
            order = new int[SEQUENCE];
            for (int i = 0; i < SEQUENCE; i++) {
                order[i] = random.nextInt(domains);
            }
        }

        @TearDown(Level.Trial)
        public void shutdown() {
            iso.close();
        }
    }

    /** Into the next domain of the sequence and out again. */
    @Benchmark
    public void roundTrip(Active a) {
        int i = a.next;
        a.gates[a.order[i]].run(NOTHING);
        a.next = (i + 1) & (SEQUENCE - 1);
    }
}
