package mpkernel.kernel.boot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a kernel process reports to its parent through its {@link ReportChannel}: one
 * {@link Run} line per program run and one {@link End} line, written by {@link KernelProcess}
 * and read by the launcher ({@link #read}). Free text travels Base64-encoded, so a field can
 * hold anything and the line still parses one way.
 */
public final class KernelReport {

    private KernelReport() {
    }

    /**
     * One program run.
     *
     * @param index run number, from 0
     * @param warmup a warm-up run (not measured)
     * @param status the program's exit status
     * @param termination what killed it, as described inside the user gate, or empty
     * @param wallSeconds wall time of the run
     * @param syscalls user-to-kernel crossings during the run
     * @param unsafeCalls kernel-to-unsafe crossings during the run
     * @param driverCalls kernel-to-driver crossings during the run (the unsafe ones when there is no DRIVER domain)
     * @param consoleSha256 SHA-256 of what the run wrote to the console, hex, when the kernel captured it; else empty
     * @param result the last {@code MPK-RESULT} line of the captured console, or empty
     * @param secretInConsole the kernel found its secret in the captured console (checked in place)
     */
    public record Run(int index, boolean warmup, int status, String termination, double wallSeconds, long syscalls,
                      long unsafeCalls, long driverCalls, String consoleSha256, String result, boolean secretInConsole) {

        String payload() {
            return String.format(Locale.ROOT, "run index=%d warmup=%b status=%d wall=%.9f syscalls=%d unsafe=%d driver=%d"
                            + " leaked=%b console=%s termination=%s result=%s",
                    index, warmup, status, wallSeconds, syscalls, unsafeCalls, driverCalls, secretInConsole, text(consoleSha256),
                    text(termination), text(result));
        }

        static Run parse(Map<String, String> f) {
            return new Run(Integer.parseInt(f.get("index")), Boolean.parseBoolean(f.get("warmup")), Integer.parseInt(f.get("status")),
                    untext(f.get("termination")), Double.parseDouble(f.get("wall")), Long.parseLong(f.get("syscalls")),
                    Long.parseLong(f.get("unsafe")), Long.parseLong(f.get("driver")), untext(f.get("console")), untext(f.get("result")),
                    Boolean.parseBoolean(f.get("leaked")));
        }
    }

    /**
     * The end of the process: the integrity check after the last run.
     *
     * @param problems what changed that no run may change, and failed audits; empty if intact
     * @param badFrames console frames the device refused
     */
    public record End(List<String> problems, long badFrames) {

        public End {
            problems = List.copyOf(problems);
        }

        /** Whether the kernel's state is intact. */
        public boolean intact() {
            return problems.isEmpty();
        }

        String payload() {
            return "end intact=" + intact() + " bad-frames=" + badFrames + " problems=" + text(String.join("\n", problems));
        }

        static End parse(Map<String, String> f) {
            String p = untext(f.get("problems"));
            return new End(p.isEmpty() ? List.of() : List.of(p.split("\n")), Long.parseLong(f.get("bad-frames")));
        }
    }

    /**
     * The reports found in a kernel process's output.
     *
     * @param runs the run lines signed with the token, in order
     * @param end the end line signed with the token, if exactly one was found
     * @param forged lines that claim to be reports but carry another token (or none), or that do not parse
     */
    public record Reports(List<Run> runs, Optional<End> end, int forged) {
        public Reports {
            runs = List.copyOf(runs);
        }
    }

    /**
     * The reports in {@code output} that carry {@code token}. A report can start anywhere in a
     * line (the program may have written text without a newline before it); what follows the
     * token up to the end of the line is the kernel's.
     */
    public static Reports read(String output, String token) {
        String signed = ReportChannel.PREFIX + token + " ";
        List<Run> runs = new ArrayList<>();
        List<End> ends = new ArrayList<>();
        int forged = 0;
        for (String line : output.split("\n")) {
            int at = line.indexOf(ReportChannel.PREFIX);
            if (at < 0) {
                continue;
            }
            int own = line.indexOf(signed);
            if (own < 0) {
                forged++;
                continue;
            }
            String payload = line.substring(own + signed.length());
            try {
                Map<String, String> fields = fields(payload);
                if (payload.startsWith("run ")) {
                    runs.add(Run.parse(fields));
                } else if (payload.startsWith("end ")) {
                    ends.add(End.parse(fields));
                } else {
                    forged++;
                }
            } catch (RuntimeException e) {
                forged++;
            }
        }
        return new Reports(runs, ends.size() == 1 ? Optional.of(ends.getFirst()) : Optional.empty(), forged);
    }

    private static Map<String, String> fields(String payload) {
        Map<String, String> m = new HashMap<>();
        for (String f : payload.trim().split(" ")) {
            int eq = f.indexOf('=');
            if (eq > 0) {
                m.put(f.substring(0, eq), f.substring(eq + 1));
            }
        }
        return m;
    }

    private static String text(String s) {
        return s == null || s.isEmpty() ? "-" : Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String untext(String s) {
        if (s == null) {
            throw new IllegalArgumentException("missing field");
        }
        return s.equals("-") ? "" : new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
    }
}
