/**
 * The paper's figures, regenerated from {@code results/} alone: PNG, SVG and PDF with a caption
 * file each. Reads result files only; depends on no other mpkernel module.
 */
module mpkernel.figures {
    requires java.desktop;
    requires org.knowm.xchart;
    requires VectorGraphics2D;
    requires com.google.gson;
    requires commons.math3;
    exports mpkernel.figures;
}
