package mpkernel.experiments.net;

import java.util.ArrayList;
import java.util.List;

import mpkernel.experiments.overhead.Slowdown;

/**
 * The slowdown of a backend against {@code none} from rates (bytes or requests per second), by
 * the overhead experiment's estimator ({@link Slowdown}): repetition k measured both in the same
 * rotation, so its pair is {@code (1/rate_none_k, 1/rate_backend_k)}, the time per unit of work;
 * the slowdown is {@code exp(mean ln(rate_none/rate_backend)) - 1} with its Student t 95%
 * interval. Positive means the backend is slower. Repetitions where either side failed are
 * left out.
 */
final class RateSlowdown {

    /** How the numbers are made, for reports. */
    static final String ESTIMATOR = "paired log ratio per repetition: slowdown = exp(mean ln(rate_none/rate_backend)) - 1,"
            + " Student t 95% CI (the overhead experiment's estimator on time per unit)";

    /** The margin handed to {@link Slowdown} for its equivalence test; netbench reports only the interval. */
    static final double MARGIN = 0.05;

    private RateSlowdown() {
    }

    /** The slowdown of {@code backend} against {@code none}, pairing the k-th rates; null when no pair is complete. */
    static Slowdown of(List<Double> none, List<Double> backend) {
        List<Double> vanilla = new ArrayList<>();
        List<Double> isolated = new ArrayList<>();
        for (int k = 0; k < Math.min(none.size(), backend.size()); k++) {
            double a = none.get(k);
            double b = backend.get(k);
            if (a > 0 && b > 0 && !Double.isNaN(a) && !Double.isNaN(b)) {
                vanilla.add(1 / a);
                isolated.add(1 / b);
            }
        }
        return vanilla.isEmpty() ? null : Slowdown.of(vanilla, isolated, MARGIN);
    }
}
