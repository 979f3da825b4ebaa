package mpkernel.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The text of a result CSV, as the experiments write it: the provenance as {@code # key: value}
 * lines, the header, then one line per row; {@code \n} ends every line. A cell is quoted only
 * where it must be (RFC 4180: it holds a comma or a quote, which is doubled), so plain rows read
 * as a simple split on commas.
 *
 * <p>Every row is one line: a line break inside a cell becomes a space. That keeps a file
 * appendable row by row, lets a reader cut a torn last row, and makes line numbers name rows.
 * {@link CsvFile} reads what this writes, and the files written before it.
 */
public final class CsvText {

    /** Commons CSV's RFC 4180 format, with {@code \n} lines and {@code #} comments. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setCommentMarker('#')
            .setQuoteMode(QuoteMode.MINIMAL).get();

    private CsvText() {
    }

    /** The provenance lines and the header line {@code columns}. */
    public static String head(Provenance provenance, List<String> columns) {
        StringBuilder sb = new StringBuilder();
        print(sb, p -> {
            for (var field : provenance.fields().entrySet()) {
                p.printComment(Provenance.comment(field));
            }
            p.printRecord(columns);
        });
        return sb.toString();
    }

    /** One row: {@code cells} in column order, then {@code \n}. */
    public static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        print(sb, p -> p.printRecord(cells.stream().map(c -> c.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')).toList()));
        return sb.toString();
    }

    /** What prints into a {@link CSVPrinter}. */
    private interface Printing {
        void to(CSVPrinter printer) throws IOException;
    }

    private static void print(StringBuilder sb, Printing printing) {
        try (CSVPrinter p = new CSVPrinter(sb, FORMAT)) {
            printing.to(p);
        } catch (IOException e) {
            // A StringBuilder does not fail.
            throw new UncheckedIOException(e);
        }
    }
}
