/**
 * JMH microbenchmarks of the isolation: gate round trips against their floor, the null system
 * call, the paper's {@code write_bytes} size sweep and kernel {@code malloc}/{@code free}, each
 * vanilla ({@code none}) and isolated. Compiled as a module so the kernel's confinement holds
 * for benchmark code too; run on the class path by JMH ({@code ./mpk bench}).
 */
module mpkernel.benchmarks {
    requires mpkernel.isolation;
    requires mpkernel.kernel;
    requires jmh.core;
}
