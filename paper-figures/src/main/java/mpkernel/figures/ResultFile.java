package mpkernel.figures;

import java.nio.file.Path;

import mpkernel.results.Provenance;

/**
 * Where a run's numbers were read from, as every reader records it.
 *
 * @param file the file
 * @param shown its name as captions print it: relative to the results folder, so a smoke run
 *     reads {@code quick/sweep-20261129-220226.json}
 * @param provenance its provenance
 * @param smoke whether it is a smoke run ({@code --quick}), not a measurement
 */
record ResultFile(Path file, String shown, Provenance provenance, boolean smoke) {
}
