package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import mpkernel.results.AtomicFile;
import mpkernel.results.Provenance;

/**
 * A figure's caption: its title, what it shows (marks, units, reference values), and the
 * provenance of every result file behind it. Written as {@code <figure>.caption.md} beside the
 * figure; its provenance also goes into the figure's footer. A figure drawn from a smoke run
 * says so in its title, its caption and its footer, so that it cannot pass for a measurement.
 *
 * @param title one line, no final period
 * @param text what the figure shows, a paragraph of Markdown
 * @param sources the result files read, each with its provenance and the backends it contributed
 */
record Caption(String title, String text, List<Source> sources) {

    /** What a figure drawn from a smoke run says of itself. */
    static final String SMOKE = "smoke run, not a measurement";

    /**
     * One result file behind a figure.
     *
     * @param origin the result file and its provenance
     * @param backends what the figure shows of it, e.g. {@code mprotect vs none}
     */
    record Source(ResultFile origin, String backends) {

        Provenance provenance() {
            return origin.provenance();
        }

        /** Everything the provenance says, as one line of Markdown. */
        String markdown() {
            Provenance p = provenance();
            String command = p.command().equals("unknown") ? "" : "; command `" + p.command() + "`";
            return String.format("`%s`%s: backend %s; machine %s; %s; JDK %s; date %s; commit %s%s.", origin.shown(),
                    origin.smoke() ? " (" + SMOKE + ")" : "", backends, p.machine(), p.platform(), p.get("jdk"), p.date(), p.commit(), command);
        }
    }

    Caption {
        sources = List.copyOf(sources);
    }

    /** Whether a file behind the figure is a smoke run. */
    boolean smoke() {
        return sources.stream().anyMatch(s -> s.origin().smoke());
    }

    /** The caption file's content. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(title).append(smoke() ? " (" + SMOKE + ")" : "").append(".** ");
        if (smoke()) {
            sb.append("**This figure is drawn from a ").append(SMOKE).append(" (`--quick`): it shows that the pipeline works, and its"
                    + " numbers must not be quoted.** ");
        }
        sb.append(text).append("\n\n");
        sb.append("Provenance");
        if (sources.size() == 1) {
            sb.append(": ").append(sources.getFirst().markdown()).append('\n');
        } else {
            sb.append(":\n\n");
            sources.forEach(s -> sb.append("- ").append(s.markdown()).append('\n'));
        }
        return sb.toString();
    }

    /**
     * The figure's footer: the files read, grouped by the machine they ran on, then JDK, dates
     * and commits, each value once.
     */
    String footer() {
        Map<String, List<String>> byMachine = new LinkedHashMap<>();
        for (Source s : sources) {
            byMachine.computeIfAbsent(s.provenance().where(), k -> new ArrayList<>()).add(s.origin().shown() + " (" + s.backends() + ")");
        }
        List<String> groups = byMachine.entrySet().stream().map(e -> String.join(", ", e.getValue()) + " on " + e.getKey()).toList();
        List<String> dates = sources.stream().map(s -> s.provenance().date()).distinct().sorted().toList();
        return (smoke() ? SMOKE.toUpperCase(java.util.Locale.ROOT) + ". " : "") + "Data: " + String.join(" | ", groups) + "; JDK "
                + distinct(p -> p.get("jdk")) + "; date " + (dates.size() == 1 ? dates.getFirst() : dates.getFirst() + " to " + dates.getLast())
                + "; commit " + distinct(Provenance::commit);
    }

    private String distinct(Function<Provenance, String> field) {
        return String.join(", ", sources.stream().map(s -> field.apply(s.provenance())).distinct().toList());
    }

    /** Writes {@link #markdown()} to {@code file}, atomically. */
    void write(Path file) throws IOException {
        AtomicFile.writeString(file, markdown());
    }
}
