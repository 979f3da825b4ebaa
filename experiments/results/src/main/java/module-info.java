/**
 * The result files, as the experiments write them and the figures read them: one place for the
 * formats both sides must agree on. Writes go to a temporary file and are moved into place
 * ({@link mpkernel.results.AtomicFile}); every file carries its provenance, as
 * {@code # key: value} lines atop a CSV or a {@code provenance} object in JSON
 * ({@link mpkernel.results.Provenance}); CSV is read and written with Commons CSV, JSON with
 * Gson, JMH's results by one reader ({@link mpkernel.results.BenchFile}); and the statistics
 * both sides compute from the same numbers live here once (Wilson and Welch intervals).
 *
 * <p>It gathers no facts itself (what machine a run was on is the experiments' business) and
 * depends on no other mpkernel module. A file it cannot read is a
 * {@link mpkernel.results.BadResultFile} whose message is one line naming the file.
 */
module mpkernel.results {
    requires transitive com.google.gson;
    requires org.apache.commons.csv;
    requires commons.math3;
    exports mpkernel.results to mpkernel.experiments, mpkernel.figures;
}
