/**
 * The overhead experiment of the paper (VEE'20, figure "macrobenchmarks"): each benchmark run
 * on the vanilla build ({@code none}) and an isolated build, alternately in fresh JVMs, and the
 * slowdown estimated with a confidence interval.
 */
package mpkernel.experiments.overhead;
