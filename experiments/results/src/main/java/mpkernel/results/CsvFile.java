package mpkernel.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A result CSV as read back: the {@code # key: value} lines above the header (the run's
 * provenance), the header, then the rows, each with its line number. Blank lines are skipped.
 * Cells may be quoted as RFC 4180 has it (what {@link CsvText} writes); files written before,
 * which replaced commas in a cell by {@code ;}, read as they are.
 *
 * <p>What a cell must hold is the reader's business, which reports bad rows by their
 * {@link Row#line()}: a row shorter than the header reads as empty cells, and a line that is
 * not CSV at all (an unclosed quote) as a row without cells, which no reader accepts.
 *
 * @param file where it was read from
 * @param provenance the comment lines above the header, in file order
 * @param columns the header's cells
 * @param rows the rows, in file order
 * @param torn whether the last line lacks its line break: a writer was killed in the middle of
 *     it, and the last row may be cut short
 */
public record CsvFile(Path file, Provenance provenance, List<String> columns, List<Row> rows, boolean torn) {

    /** One line of the header or a row: without comments, since below the header a {@code #} starts a cell. */
    private static final CSVFormat LINE = CsvText.FORMAT.builder().setCommentMarker(null).get();

    public CsvFile {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * One row.
     *
     * @param line its line number in the file, counting from 1
     * @param cells its cells as written, in column order
     * @param columns the file's header, for cells by name
     */
    public record Row(int line, List<String> cells, List<String> columns) {

        public Row {
            cells = List.copyOf(cells);
            columns = List.copyOf(columns);
        }

        /** The cell of {@code column}, trimmed; empty when the row or the header has none. */
        public String get(String column) {
            int i = columns.indexOf(column);
            return i < 0 || i >= cells.size() ? "" : cells.get(i).trim();
        }

        /** The cell of {@code column} as a number; NaN when empty or not a number. */
        public double number(String column) {
            String v = get(column);
            if (v.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        /** Whether the cell of {@code column} holds something that is not a number. */
        public boolean notANumber(String column) {
            return !get(column).isEmpty() && Double.isNaN(number(column)) && !get(column).equals("NaN");
        }
    }

    /** Reads {@code file}; a file that is no text or has no header line is a {@link BadResultFile}. */
    public static CsvFile read(Path file) throws BadResultFile {
        String text = ResultText.read(file);
        Map<String, String> provenance = new LinkedHashMap<>();
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (columns == null && line.startsWith("#")) {
                Provenance.field(line).ifPresent(f -> provenance.put(f.getKey(), f.getValue()));
                continue;
            }
            List<String> cells = cells(line);
            if (columns == null) {
                columns = List.copyOf(cells);
            } else {
                rows.add(new Row(i + 1, cells, columns));
            }
        }
        if (columns == null) {
            throw new BadResultFile(file, "no header line, so not a result CSV");
        }
        return new CsvFile(file, new Provenance(provenance), columns, rows, !text.isEmpty() && !text.endsWith("\n"));
    }

    /**
     * The cells of one line, empty when it is not CSV. Lines are parsed one by one, since a row
     * never spans lines ({@link CsvText}): one broken line is then one bad row, not the end of
     * the file.
     */
    static List<String> cells(String line) {
        try (CSVParser parser = CSVParser.parse(line, LINE)) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 ? records.getFirst().toList() : List.of();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports a malformed line (an unclosed quote, text after a closing quote) this way.
            return List.of();
        }
    }
}
