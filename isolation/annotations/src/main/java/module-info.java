/**
 * The one annotation user code may see of the isolation: {@link mpkernel.annotations.RunsIn},
 * which names the domain a package or class runs in. It has no behaviour; readers find it in
 * class files (see {@code mpkernel.isolation.fault}).
 */
module mpkernel.annotations {
    exports mpkernel.annotations;
}
