/**
 * The MPK isolation core: protection domains, their PKRU policy, pkey-tagged domain memory,
 * the gates that switch rights on every domain crossing, and the confinement of the OS paths
 * around them.
 *
 * <p>This module imports nothing of the kernel or the zones: domains plug in from outside
 * through {@link mpkernel.isolation.Policy}. Only the kernel and the tools that drive it may
 * use it (qualified exports): a user program that could boot its own isolation or hold a gate
 * would own the rights the gates hand out. It is one of the few modules granted native access
 * ({@code --enable-native-access=mpkernel.isolation}).
 */
module mpkernel.isolation {
    exports mpkernel.isolation to mpkernel.kernel, mpkernel.experiments, mpkernel.benchmarks;
    exports mpkernel.isolation.fault to mpkernel.experiments;
}
