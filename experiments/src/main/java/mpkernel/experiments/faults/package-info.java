/**
 * Fault-injection campaigns: what isolation catches. Each trial boots a kernel in a child JVM,
 * runs the {@code fault-workload} program with one injected fault, and is classified as an
 * {@link mpkernel.experiments.faults.Outcome}.
 */
package mpkernel.experiments.faults;
