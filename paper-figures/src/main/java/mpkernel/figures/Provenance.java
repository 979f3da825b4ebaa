package mpkernel.figures;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Where a result file's numbers come from, as the experiments record it: backend, CPU and cores,
 * PKU present or not, inside the QEMU guest or not, JDK, git commit, date, command. A missing
 * field reads as {@code unknown}.
 *
 * @param fields the file's provenance fields, by their key in the file
 */
record Provenance(Map<String, String> fields) {

    Provenance {
        fields = Map.copyOf(fields);
    }

    String get(String key) {
        String v = fields.get(key);
        return v == null || v.isBlank() ? "unknown" : v;
    }

    String backend() {
        return get("backend");
    }

    String commit() {
        return get("commit");
    }

    String command() {
        return get("command");
    }

    /**
     * Whether the command that wrote the file was a smoke run: {@code --quick} among its words.
     * The overhead CSV and the bench file say so only here.
     */
    boolean quickCommand() {
        return List.of(command().split("\\s+")).contains("--quick");
    }

    /** The machine and platform together: two files with the same value ran on the same kind of machine. */
    String where() {
        return machine() + "; " + platform();
    }

    /** The CPU and its cores, e.g. {@code Intel(R) Xeon(R) Processor, 2 cores}. */
    String machine() {
        String cores = get("cores");
        return get("cpu") + (cores.equals("unknown") ? "" : ", " + cores + " cores");
    }

    /** PKU and QEMU in words, e.g. {@code no PKU, on the host} or {@code PKU, inside the QEMU guest}. */
    String platform() {
        String pku = switch (get("pku")) {
            case "yes", "true" -> "PKU";
            case "no", "false" -> "no PKU";
            default -> "PKU unknown";
        };
        String where = switch (get("inside_qemu")) {
            case "yes", "true" -> "inside the QEMU guest";
            case "no", "false" -> "on the host (not QEMU)";
            default -> "QEMU unknown";
        };
        return pku + ", " + where;
    }

    /** The run's date, to the second ({@code 2026-11-25T03:22:11Z}); as written when it is no ISO instant. */
    String date() {
        String d = get("date");
        try {
            return Instant.parse(d).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return d;
        }
    }

    /** The run's instant, {@link Instant#EPOCH} when unknown: for picking the newest file. */
    Instant instant() {
        try {
            return Instant.parse(get("date"));
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
