package mpkernel.experiments.faults;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mpkernel.results.AtomicFile;
import mpkernel.results.BadResultFile;
import mpkernel.results.CsvFile;
import mpkernel.results.CsvText;
import mpkernel.results.Provenance;

/**
 * A campaign's CSV file ({@link CsvText}): provenance as {@code # key: value} lines, the header,
 * then one row per finished trial, appended and forced to disk as each trial ends. Reopening a
 * file resumes it: its rows count as done, and a torn last line (a kill -9 mid-write) is cut
 * away first.
 */
public final class CampaignFile implements AutoCloseable {

    private final Path path;
    private final Map<String, String> header;
    private final List<TrialResult> rows;
    private FileChannel channel;
    private BufferedWriter writer;

    private CampaignFile(Path path, Map<String, String> header, List<TrialResult> rows) {
        this.path = path;
        this.header = header;
        this.rows = rows;
    }

    /**
     * Reads a campaign file.
     *
     * @throws MalformedFileException if it is not UTF-8 text, or holds rows that are not trials
     *     (their line numbers are in the message); a torn last line, without its newline, is the
     *     mark of a killed run and is skipped
     */
    public static CampaignFile read(Path path) throws IOException {
        CsvFile csv;
        try {
            csv = CsvFile.read(path);
        } catch (BadResultFile.NotText e) {
            throw new MalformedFileException(path + " is not a campaign file (not UTF-8 text)");
        } catch (BadResultFile e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new MalformedFileException(path + " is not a campaign file (" + e.why() + ")");
        }
        if (!csv.columns().equals(TrialResult.COLUMNS)) {
            throw new MalformedFileException(path + " is not a campaign file (no trial,model,... header row)");
        }
        List<TrialResult> rows = new ArrayList<>();
        List<Integer> malformed = new ArrayList<>();
        for (CsvFile.Row row : csv.rows()) {
            TrialResult r = TrialResult.of(row.cells());
            if (r != null) {
                rows.add(r);
            } else if (!(csv.torn() && row == csv.rows().getLast())) {
                malformed.add(row.line());
            }
        }
        if (!malformed.isEmpty()) {
            throw new MalformedFileException(path + ": " + malformed.size() + " malformed row(s) at line(s) "
                    + String.join(", ", malformed.stream().limit(20).map(String::valueOf).toList())
                    + (malformed.size() > 20 ? ", ..." : ""));
        }
        return new CampaignFile(path, csv.provenance().fields(), rows);
    }

    /** A file that is not a well-formed campaign file; the message names the file and the lines. */
    public static final class MalformedFileException extends IllegalArgumentException {
        MalformedFileException(String message) {
            super(message);
        }
    }

    /**
     * Opens {@code path} for appending, creating it with {@code header} if it does not exist.
     * An existing file must have been made by the same campaign (same keys in {@code sameAs}).
     */
    public static CampaignFile openForAppend(Path path, Map<String, String> header, List<String> sameAs) throws IOException {
        CampaignFile f;
        if (Files.exists(path)) {
            repairTornTail(path);
            f = read(path);
            for (String key : sameAs) {
                if (!String.valueOf(f.header.get(key)).equals(header.get(key))) {
                    throw new IllegalArgumentException(path + " belongs to another campaign (" + key + " is " + f.header.get(key)
                            + ", not " + header.get(key) + "); choose another --seed or remove the file");
                }
            }
        } else {
            AtomicFile.writeString(path, CsvText.head(new Provenance(header), TrialResult.COLUMNS));
            f = new CampaignFile(path, new LinkedHashMap<>(header), new ArrayList<>());
        }
        f.channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        f.writer = new BufferedWriter(java.nio.channels.Channels.newWriter(f.channel, StandardCharsets.UTF_8));
        return f;
    }

    private static void repairTornTail(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
                ch.truncate(end);
            }
        }
    }

    /** Appends a finished trial and forces it to disk. */
    public synchronized void append(TrialResult r) throws IOException {
        writer.write(r.csv());
        writer.flush();
        channel.force(false);
        rows.add(r);
    }

    /** The header (provenance and campaign settings). */
    public Map<String, String> header() {
        return header;
    }

    /** The finished trials. */
    public synchronized List<TrialResult> rows() {
        return List.copyOf(rows);
    }

    /** The file. */
    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
