package mpkernel.figures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result CSV as the experiments write it: leading {@code # key: value} lines (the run's
 * provenance), a header line, then rows. Fields may be double-quoted (RFC 4180: a quote inside
 * a quoted field is doubled); a row shorter than the header reads as empty cells.
 *
 * @param file where it was read from
 * @param comments the {@code # key: value} lines, in file order
 * @param rows one map per row, column name to cell, in file order
 */
record CommentedCsv(Path file, Map<String, String> comments, List<Map<String, String>> rows) {

    /** Reads {@code file}; a file without a header line is an {@link IOException}. */
    static CommentedCsv read(Path file) throws IOException {
        Map<String, String> comments = new LinkedHashMap<>();
        List<String> header = null;
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
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
            rows.add(row);
        }
        if (header == null) {
            throw new IOException(file + ": no header line");
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

    /** A cell as a number; NaN when empty or not a number. */
    static double number(Map<String, String> row, String column) {
        String v = row.getOrDefault(column, "").trim();
        if (v.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
