/** The safe kernel (domain {@code SAFE_KERNEL}). Exports its system-call API only. */
module mpkernel.kernel {
    requires transitive mpkernel.isolation;
    requires mpkernel.unsafezone;
    exports mpkernel.kernel.api;
    uses mpkernel.kernel.api.UserProgram;
}
