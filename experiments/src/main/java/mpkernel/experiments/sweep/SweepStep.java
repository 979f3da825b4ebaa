package mpkernel.experiments.sweep;

import java.util.List;

import mpkernel.experiments.overhead.Slowdown;
import mpkernel.isolation.Backend;

/**
 * One step of a sweep: {@code K}, and for each ABBA pair the vanilla and isolated times (means
 * of the measured runs) and the crossings of an isolated run.
 *
 * @param backend the isolated backend
 * @param every a system call every {@code every} units
 * @param vanillaSeconds per pair, the vanilla fork's time
 * @param isolatedSeconds per pair, the isolated fork's time
 * @param crossings per pair, the gate crossings of one isolated run (all gates)
 * @param verified every run of the step verified
 */
public record SweepStep(Backend backend, long every, List<Double> vanillaSeconds, List<Double> isolatedSeconds,
                        List<Double> crossings, boolean verified) {

    public SweepStep {
        vanillaSeconds = List.copyOf(vanillaSeconds);
        isolatedSeconds = List.copyOf(isolatedSeconds);
        crossings = List.copyOf(crossings);
    }

    /** The slowdown at this step, by the overhead experiment's estimator. */
    public Slowdown slowdown(double margin) {
        return Slowdown.of(vanillaSeconds, isolatedSeconds, margin);
    }

    /** Crossings per second of isolated run time. */
    public double rate() {
        double c = crossings.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double t = isolatedSeconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return c / t;
    }
}
