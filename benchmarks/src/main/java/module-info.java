/** JMH microbenchmarks. */
module mpkernel.benchmarks {
    requires mpkernel.kernel;
    requires mpkernel.userzone;
    requires jmh.core;
}
