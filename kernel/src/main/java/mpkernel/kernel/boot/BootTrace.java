package mpkernel.kernel.boot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a kernel process's start-up time goes, for {@code -Dmpkernel.bootTrace=true}: the time
 * from the JVM's start to {@code main} (JVM and module-system start-up), then each named phase
 * of the kernel's boot and run. One line on stderr at the end, beginning {@code mpk-boot-trace}.
 * Off by default: it costs a clock read per phase and one look at the process start time.
 */
final class BootTrace {

    static final boolean ON = Boolean.getBoolean("mpkernel.bootTrace");

    private static final List<String> PHASES = new ArrayList<>();
    private static long last = System.nanoTime();

    private BootTrace() {
    }

    /** Starts the trace at {@code main}: the first phase is the JVM's own start-up. */
    static void main() {
        if (!ON) {
            return;
        }
        last = System.nanoTime();
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        PHASES.add(String.format(Locale.ROOT, "jvm=%d", Duration.between(start, Instant.now()).toMillis()));
    }

    /** Ends the phase called {@code name} now. */
    static void mark(String name) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        PHASES.add(String.format(Locale.ROOT, "%s=%d", name, (now - last) / 1_000_000));
        last = now;
    }

    /** The trace so far, in milliseconds per phase. */
    static String line() {
        return "mpk-boot-trace ms " + String.join(" ", PHASES);
    }
}
