package mpkernel.figures;

import java.util.List;

import mpkernel.results.BadResultFile;

/** One kind of figure: draws itself from the files in a results folder, or says what is missing. */
interface Figure {

    /**
     * The figures of this kind the results allow, e.g. one per backend.
     *
     * @throws MissingResults when the results it needs are not there
     * @throws BadResultFile when a result file it reads is not in its format
     */
    List<Drawing> draw(ResultsFolder results) throws BadResultFile, MissingResults;

    /** What it shows, as its lines in {@code ./mpk figures}' output begin: {@code macrobenchmarks}. */
    String subject();

    /** The command that produces the results it needs, e.g. {@code ./mpk reproduce}. */
    String command();
}
