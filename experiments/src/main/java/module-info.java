/** The {@code ./mpk} command line and the experiments it runs. */
module mpkernel.experiments {
    requires mpkernel.isolation;
    requires mpkernel.kernel;
    requires mpkernel.userzone;
    requires info.picocli;
    requires commons.math3;
    opens mpkernel.cli to info.picocli;
}
