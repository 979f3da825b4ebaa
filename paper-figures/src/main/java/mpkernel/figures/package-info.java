/**
 * The paper's figures, regenerated from the files in {@code results/} alone ({@link
 * mpkernel.figures.Figures}, behind {@code ./mpk figures}). Nothing here runs an experiment or
 * imports another mpkernel module: the result files are the interface.
 *
 * <p>Inputs, one reader each: {@code overhead-<backend>-<stamp>.csv} from {@code ./mpk reproduce}
 * (the newest complete file per isolated backend), {@code bench-<stamp>.json} from
 * {@code ./mpk bench} (JMH's JSON with provenance; which benchmark is what lives in
 * {@code BenchMapping}, the one class to change when benchmarks are renamed), and
 * {@code faults-<backend>-<seed>.csv} from {@code ./mpk faults} (all files of a backend added up).
 *
 * <p>Decisions:
 * <ul>
 *   <li>Each figure is written as PNG (1000 pixels wide, for the README), SVG and PDF (the same
 *       size in points, for papers; text is drawn as outlines, so no fonts are needed) and
 *       {@code <figure>.caption.md}: what is shown, in which units, against which reference
 *       values, and the provenance (backend, machine, PKU or QEMU, JDK, date, commit, command)
 *       of every file read. A footer in the figure repeats the provenance.</li>
 *   <li>Black and white: bars are filled with {@code Fill}s, a grey level and a hatching, so two
 *       series never differ by colour alone; lines have markers or dashes. The vanilla build is
 *       always the light plain bar, the isolated build the dark hatched one.</li>
 *   <li>Axes switch to a log scale when values span more than a factor of 20 (the gate cost
 *       always is). XChart draws error bars wrong on a log axis, so there are none there; the
 *       caption quotes the largest error instead.</li>
 *   <li>Reference values from the paper (VEE'20, mpk on Intel hardware) are drawn and labelled
 *       as the paper's: the 0.6% average slowdown, and {@code write_bytes}' ~440% at 1 B and 6%
 *       at 4 KB.</li>
 *   <li>Generated files are byte-for-byte reproducible for the same inputs: the captions carry the
 *       results' dates, not the rendering date.</li>
 * </ul>
 */
package mpkernel.figures;
