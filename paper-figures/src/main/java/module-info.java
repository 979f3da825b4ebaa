/**
 * The paper's figures, regenerated from {@code results/} alone: PNG, SVG and PDF with a caption
 * file each. Reads result files only, with the readers of {@code mpkernel.results}; depends on
 * no module that runs an experiment.
 */
module mpkernel.figures {
    requires java.desktop;
    requires org.knowm.xchart;
    requires VectorGraphics2D;
    requires mpkernel.results;
    requires commons.math3;
    exports mpkernel.figures;
}
