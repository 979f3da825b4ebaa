/**
 * Starting kernel processes and reading their fate: the one way {@code ./mpk run}, the fault
 * trials and the overhead forks start a kernel ({@link mpkernel.experiments.launch.KernelLaunch})
 * and judge how it ended ({@link mpkernel.experiments.launch.KernelOutcome}). The launcher never
 * loads a program's classes: it learns programs from class files, places the child's regions
 * itself, hands the child a report token and the kernel secret on its standard input, and
 * trusts only reports signed with that token. The host network a run needs is made here too:
 * {@link mpkernel.experiments.launch.NetNamespace} for {@code --net tap}, with
 * {@link mpkernel.experiments.launch.IpCommand} and {@link mpkernel.experiments.launch.ExitCleanup}
 * shared with the network benchmark's own namespaces.
 */
package mpkernel.experiments.launch;
