/** The {@code ./mpk} command line and the experiments it runs. */
module mpkernel.experiments {
    requires mpkernel.isolation;
    requires mpkernel.kernel;
    requires mpkernel.figures;
    requires mpkernel.results;
    requires info.picocli;
    requires commons.math3;
    requires com.google.gson;
    exports mpkernel.experiments.overhead to com.google.gson;
    opens mpkernel.experiments.overhead to com.google.gson;
    opens mpkernel.cli to info.picocli;
}
