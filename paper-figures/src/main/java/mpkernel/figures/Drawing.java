package mpkernel.figures;

/**
 * One figure ready to be written: its file name stem, what it paints, and its caption.
 *
 * @param name file name without extension, e.g. {@code macrobenchmarks-mprotect}
 * @param canvas the picture
 * @param caption its caption
 */
record Drawing(String name, Canvas canvas, Caption caption) {
}
