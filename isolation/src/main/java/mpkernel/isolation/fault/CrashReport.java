package mpkernel.isolation.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a HotSpot hs_err file says about a crash: the signal, {@code si_code}, {@code si_addr},
 * the crashing thread and its Java frames (innermost first).
 *
 * @param signal signal name, e.g. {@code SIGSEGV}
 * @param siCode the kernel's {@code si_code}; see {@link #SEGV_ACCERR} and {@link #SEGV_PKUERR}
 * @param siAddr the faulting address
 * @param thread the crashing thread's name, or empty
 * @param javaFrames Java frames of the crashing thread, innermost first, as hs_err prints them
 */
public record CrashReport(String signal, int siCode, long siAddr, String thread, List<String> javaFrames) {

    /** Address not mapped. */
    public static final int SEGV_MAPERR = 1;
    /** Page protection denied the access: what the {@code mprotect} backend raises. */
    public static final int SEGV_ACCERR = 2;
    /** A protection key denied the access: what the {@code mpk} backend raises. HotSpot prints it as "unknown". */
    public static final int SEGV_PKUERR = 4;

    private static final Pattern SIGINFO = Pattern.compile(
            "siginfo:\\s*si_signo:\\s*\\d+\\s*\\((\\w+)\\),\\s*si_code:\\s*(-?\\d+)[^,]*,\\s*si_addr:\\s*(0x[0-9a-fA-F]+)");
    private static final Pattern THREAD = Pattern.compile("^Current thread \\([^)]*\\):\\s*\\w+ \"([^\"]*)\"");
    private static final Pattern FRAME = Pattern.compile("^[jJ]\\s+(.+)$");

    public CrashReport {
        javaFrames = List.copyOf(javaFrames);
    }

    /**
     * Parses a HotSpot crash report (hs_err text, here the child's standard error); empty if it
     * has no {@code siginfo:} line (an abort, not a signal).
     */
    public static Optional<CrashReport> parse(String text) {
        // the last report counts: text before it may be anything the program printed
        int banner = text.lastIndexOf(BANNER);
        if (banner < 0) {
            return Optional.empty();
        }
        String hsErr = text.substring(banner);
        Matcher m = SIGINFO.matcher(hsErr);
        if (!m.find()) {
            return Optional.empty();
        }
        String thread = "";
        List<String> frames = new ArrayList<>();
        List<String> nativeSectionFrames = new ArrayList<>();
        String section = "";
        for (String line : hsErr.split("\n")) {
            Matcher t = THREAD.matcher(line);
            if (t.find() && thread.isEmpty()) {
                thread = t.group(1);
            }
            if (line.startsWith("Java frames:")) {
                section = "java";
                continue;
            }
            if (line.startsWith("Native frames:")) {
                section = "native";
                continue;
            }
            if (line.isBlank()) {
                section = "";
                continue;
            }
            Matcher f = FRAME.matcher(line);
            if (f.find()) {
                if (section.equals("java")) {
                    frames.add(f.group(1).trim());
                } else if (section.equals("native")) {
                    nativeSectionFrames.add(f.group(1).trim());
                }
            }
        }
        return Optional.of(new CrashReport(m.group(1), Integer.parseInt(m.group(2)),
                Long.parseUnsignedLong(m.group(3).substring(2), 16), thread,
                frames.isEmpty() ? nativeSectionFrames : frames));
    }

    private static final Pattern FRAME_CLASS = Pattern.compile("([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+)\\.[\\w$<>]+\\(");

    /** The first line of HotSpot's crash banner. */
    private static final String BANNER = "# A fatal error has been detected";

    /** Whether {@code line} starts HotSpot's crash report. */
    static boolean startsReport(String line) {
        return line.startsWith(BANNER);
    }

    /**
     * The domain of the innermost crashed frame whose package or class is annotated
     * {@code @RunsIn}, as {@code domains} reads it from the class files: the code that made the
     * access. Code whose {@code RunsIn.value()} is not {@code declared} is attributed to its
     * {@code otherwise()}. No class of the crashed JVM is loaded here.
     */
    public Optional<String> runningDomain(RunsInReader domains, java.util.function.Predicate<String> declared) {
        for (String frame : javaFrames) {
            Matcher m = FRAME_CLASS.matcher(frame);
            if (!m.find()) {
                continue;
            }
            String name = m.group(1);
            int hidden = name.indexOf("$$");
            if (hidden > 0) {
                name = name.substring(0, hidden);
            }
            Optional<String> d = domains.domainOf(name).map(r -> declared.test(r.value()) || r.otherwise().isEmpty() ? r.value() : r.otherwise());
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** Whether this is a protection fault: SIGSEGV with SEGV_ACCERR or SEGV_PKUERR. */
    public boolean isProtectionFault() {
        return signal.equals("SIGSEGV") && (siCode == SEGV_ACCERR || siCode == SEGV_PKUERR);
    }

    /** Symbolic name of {@link #siCode()}. */
    public String siCodeName() {
        if (!signal.equals("SIGSEGV")) {
            return Integer.toString(siCode);
        }
        return switch (siCode) {
            case SEGV_MAPERR -> "SEGV_MAPERR";
            case SEGV_ACCERR -> "SEGV_ACCERR";
            case SEGV_PKUERR -> "SEGV_PKUERR";
            default -> Integer.toString(siCode);
        };
    }
}
