/** The safe kernel (domain {@code SAFE_KERNEL}). Exports its system-call API only. */
module mpkernel.kernel {
    requires transitive mpkernel.isolation;
    requires mpkernel.unsafezone;
    exports mpkernel.kernel.api;
    exports mpkernel.kernel.boot to mpkernel.experiments, mpkernel.benchmarks;
    uses mpkernel.kernel.api.UserProgram;
}
