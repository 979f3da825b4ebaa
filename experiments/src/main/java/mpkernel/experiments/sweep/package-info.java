/**
 * The crossing-rate sweep ({@code ./mpk sweep}): the same work with a system call every
 * {@code K} units, {@code K} spanning five orders of magnitude, on the vanilla build and on each
 * isolated backend in ABBA pairs; the slowdown against the rate of crossings, and the cost of one
 * crossing from a regression of the extra time on the number of crossings, beside the JMH gate
 * round trip of the same commit.
 */
package mpkernel.experiments.sweep;
