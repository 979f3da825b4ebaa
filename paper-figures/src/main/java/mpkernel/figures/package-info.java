/**
 * The paper's figures, regenerated from the files in {@code results/} alone ({@link
 * mpkernel.figures.Figures}, behind {@code ./mpk figures}). Nothing here runs an experiment: the
 * result files are the interface, and the only mpkernel module used is {@code mpkernel.results},
 * which holds their formats (and the statistics the experiments print too) for both sides.
 *
 * <p>Inputs, one reader each: {@code overhead-<backend>-<stamp>.csv} and the {@code .json}
 * beside it from {@code ./mpk reproduce} (the newest complete file per isolated backend),
 * {@code bench-<stamp>.json} from {@code ./mpk bench} (JMH's JSON with provenance; which
 * benchmark is what lives in {@code BenchMapping}, the one class to change when benchmarks are
 * renamed), {@code faults-<backend>-<seed>.csv} from {@code ./mpk faults} (one campaign per
 * backend; their pace, per file, also from {@code native-pku/}, the campaigns of a machine with
 * real PKU) and {@code sweep-<stamp>.json} from {@code ./mpk sweep} (the newest complete file).
 *
 * <p>Decisions:
 * <ul>
 *   <li>Only measurements are drawn by default: smoke runs ({@code --quick}, which the
 *       experiments write into {@code results/quick/} and mark in their settings or command)
 *       are left out unless the user includes them, and then every caption, title and footer
 *       says "smoke run, not a measurement" ({@code ResultsFolder}, {@code Caption}).</li>
 *   <li>A panel shows one run or campaign: same commit, machine and seed. A fault campaign's
 *       shards are added up; different campaigns of a backend only on request
 *       ({@link mpkernel.figures.Figures.Options#pool()}); the caption names every file drawn
 *       and every file left out.</li>
 *   <li>Each figure is written as PNG (1000 pixels wide, for the README), SVG and PDF (the same
 *       size in points, for papers; text is drawn as outlines, so no fonts are needed) and
 *       {@code <figure>.caption.md}: what is shown, in which units, against which reference
 *       values, and the provenance (backend, machine, PKU or QEMU, JDK, date, commit, command)
 *       of every file read. A footer in the figure repeats the provenance.</li>
 *   <li>Every value is a point with its interval where the data has one: the slowdown's 95%
 *       interval from the overhead file, JMH's 99.9% error, the Welch 95% interval of a
 *       {@code write_bytes} difference from JMH's iterations, the Wilson 95% interval of a fault
 *       share. No bars: on a log axis a bar's length depends only on where the axis starts.
 *       XChart draws axes and titles; points, whiskers and reference lines are drawn by
 *       {@code PointLayer}, since XChart's error bars are symmetric and wrong on log axes.</li>
 *   <li>Nothing is dropped silently: a value a log axis cannot place is drawn as an upper
 *       bound or on the axis floor, an interval beyond the axis ends in an arrowhead, and the
 *       caption counts them.</li>
 *   <li>Black and white: marks differ in form or in black, white and grey, never by colour
 *       alone; reference lines differ in dash.</li>
 *   <li>Reference values from the literature are drawn and labelled as such: the paper's
 *       (VEE'20, mpk on Intel hardware) 0.6% average slowdown, its {@code write_bytes} ~440% at
 *       1 B and 6% at 4 KB (quoted in the caption), and ERIM's 100,000 switches per second.</li>
 *   <li>A result file that cannot be read stops everything before any figure is written, with
 *       one line naming it and, for malformed rows, their line numbers ({@code mpkernel.results.BadResultFile}).</li>
 *   <li>Generated files are byte-for-byte reproducible for the same inputs: the captions carry the
 *       results' dates, not the rendering date.</li>
 * </ul>
 */
package mpkernel.figures;
