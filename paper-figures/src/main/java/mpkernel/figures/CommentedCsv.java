package mpkernel.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result CSV as the experiments write it: leading {@code # key: value} lines (the run's
 * provenance), a header line, then rows. Fields may be double-quoted (RFC 4180: a quote inside
 * a quoted field is doubled); a row shorter than the header reads as empty cells, and what a
 * cell must hold is the reader's business, which reports bad rows by their {@link Row#line()}.
 *
 * @param file where it was read from
 * @param comments the {@code # key: value} lines, in file order
 * @param rows the rows, in file order
 */
record CommentedCsv(Path file, Map<String, String> comments, List<Row> rows) {

    /**
     * One row.
     *
     * @param line its line number in the file, counting from 1
     * @param cells column name to cell
     */
    record Row(int line, Map<String, String> cells) {

        /** The cell of {@code column}, trimmed; empty when the row has none. */
        String get(String column) {
            return cells.getOrDefault(column, "").trim();
        }

        /** The cell of {@code column} as a number; NaN when empty or not a number. */
        double number(String column) {
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
        boolean notANumber(String column) {
            return !get(column).isEmpty() && Double.isNaN(number(column)) && !get(column).equals("NaN");
        }
    }

    /** Reads {@code file}; a file that is no text or has no header line is a {@link BadResultFile}. */
    static CommentedCsv read(Path file) throws BadResultFile {
        Map<String, String> comments = new LinkedHashMap<>();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (String line : TextFile.read(file).split("\r?\n", -1)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (header == null && line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    comments.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
                }
                continue;
            }
            List<String> cells = split(line);
            if (header == null) {
                header = cells;
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            rows.add(new Row(number, row));
        }
        if (header == null) {
            throw new BadResultFile(file, "no header line, so not a result CSV");
        }
        return new CommentedCsv(file, comments, rows);
    }

    /** The cells of one line. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
