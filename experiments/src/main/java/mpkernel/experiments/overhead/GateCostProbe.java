package mpkernel.experiments.overhead;

import java.util.Locale;

import mpkernel.isolation.Backend;
import mpkernel.isolation.Domain;
import mpkernel.isolation.Gate;
import mpkernel.isolation.Isolation;
import mpkernel.isolation.Policy;

/**
 * Times a gate round trip (enter and leave) of the {@code mpk-dry} backend with a plain timing
 * loop, in its own JVM, on a thread made by {@link Isolation#newThread} (the threads kernel
 * tasks run on). Prints {@code GATE-NS <nanoseconds per round trip>}. Used for the projected
 * {@code mpk} overhead; {@code ./mpk bench} measures the same with JMH.
 */
public final class GateCostProbe {

    private GateCostProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        long rounds = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        try (Isolation iso = Isolation.boot(Backend.MPK_DRY, Policy.paper(1 << 20, 1 << 20))) {
            Gate gate = iso.gate(Domain.USER);
            double[] best = {Double.MAX_VALUE};
            Thread t = iso.newThread("gate-cost", null, () -> {
                for (int trial = 0; trial < 5; trial++) {
                    long t0 = System.nanoTime();
                    for (long i = 0; i < rounds; i++) {
                        gate.run(GateCostProbe::nothing);
                    }
                    double ns = (System.nanoTime() - t0) / (double) rounds;
                    best[0] = Math.min(best[0], ns); // the first trials include warm-up
                }
            });
            t.start();
            t.join();
            System.out.printf(Locale.ROOT, "GATE-NS %.3f%n", best[0]);
        }
    }

    private static void nothing() {
    }
}
