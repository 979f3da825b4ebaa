/**
 * The safe kernel (domain {@code SAFE_KERNEL}). Exports its system-call API to everyone; its
 * boot package only to the launcher, the experiments and the benchmarks. It runs programs it
 * finds as {@code UserProgram} services, constructing them inside the user gate.
 */
module mpkernel.kernel {
    requires mpkernel.annotations;
    requires mpkernel.isolation;
    requires mpkernel.unsafezone;
    requires mpkernel.tap;
    exports mpkernel.kernel.api;
    exports mpkernel.kernel.boot to mpkernel.experiments, mpkernel.benchmarks;
    uses mpkernel.kernel.api.UserProgram;
}
