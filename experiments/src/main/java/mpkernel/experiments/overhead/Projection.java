package mpkernel.experiments.overhead;

/**
 * What the overhead of the {@code mpk} backend would be on a CPU with PKU, projected from what
 * can be measured here. It is arithmetic, not a measurement, and every output says so.
 *
 * <p>A gate round trip costs the measured {@code mpk-dry} round trip (the whole {@code mpk}
 * gate path with the PKRU register replaced by a memory word) plus two WRPKRU instructions
 * (entry and exit) with their LFENCE. The WRPKRU cost is a parameter; its default range is the
 * one ERIM reports for WRPKRU, 11 to 260 cycles (Vahldiek-Oberwagner et al., "ERIM: Secure,
 * Efficient In-process Isolation with Protection Keys (MPK)", USENIX Security 2019).
 *
 * @param dryGateNs measured {@code mpk-dry} round trip, nanoseconds
 * @param wrpkruCyclesLow low end of the assumed WRPKRU cost, cycles
 * @param wrpkruCyclesHigh high end, cycles
 * @param cpuGhz clock rate used to turn cycles into time
 */
public record Projection(double dryGateNs, double wrpkruCyclesLow, double wrpkruCyclesHigh, double cpuGhz) {

    /** Where the default WRPKRU range comes from. */
    public static final String SOURCE = "WRPKRU 11-260 cycles, as reported by ERIM (Vahldiek-Oberwagner et al., USENIX Security 2019)";

    /** How the projected columns are computed, in words. */
    public static final String FORMULA = "crossings x (measured mpk-dry round trip + 2 WRPKRU) / vanilla run time";

    /** Projected cost of one round trip, nanoseconds, at the low or high WRPKRU assumption. */
    public double roundTripNs(boolean high) {
        return dryGateNs + 2 * (high ? wrpkruCyclesHigh : wrpkruCyclesLow) / cpuGhz;
    }

    /** Projected slowdown of a run with {@code crossings} gate round trips that took {@code vanillaSeconds}. */
    public double slowdown(double crossings, double vanillaSeconds, boolean high) {
        return crossings * roundTripNs(high) * 1e-9 / vanillaSeconds;
    }
}
