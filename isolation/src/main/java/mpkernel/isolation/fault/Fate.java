package mpkernel.isolation.fault;

import java.util.Optional;

import mpkernel.isolation.RegionLayout;

/**
 * How a child JVM ended.
 *
 * @param exitCode the exit status, -1 after a timeout
 * @param timedOut the child was killed for running too long
 * @param stdout everything it printed on stdout
 * @param stderr everything it printed on stderr, its crash report included
 * @param crash the crash report on stderr, if the JVM died of a signal
 * @param layout where the parent placed the child's domain regions, if it did
 */
public record Fate(int exitCode, boolean timedOut, String stdout, String stderr,
                   Optional<CrashReport> crash, Optional<RegionLayout> layout) {

    /** The broad outcome. */
    public enum Kind {
        /** Exit status 0. */
        COMPLETED,
        /** A non-zero exit without a crash. */
        FAILED,
        /** SIGSEGV with SEGV_ACCERR or SEGV_PKUERR at an address inside a domain region. */
        PROTECTION_FAULT,
        /** Any other crash. */
        CRASHED,
        /** Killed after the time limit. */
        TIMEOUT
    }

    /** The broad outcome. */
    public Kind kind() {
        if (timedOut) {
            return Kind.TIMEOUT;
        }
        if (crash.isPresent()) {
            return crash.get().isProtectionFault() && violatedRegion().isPresent() ? Kind.PROTECTION_FAULT : Kind.CRASHED;
        }
        return exitCode == 0 ? Kind.COMPLETED : Kind.FAILED;
    }

    /**
     * The domain whose code made the faulting access, read by {@code domains} from the class
     * files of the crashed frames and resolved against the domains of the layout.
     */
    public Optional<String> runningDomain(RunsInReader domains) {
        return crash.flatMap(c -> c.runningDomain(domains, d -> layout.map(l -> l.of(d).isPresent()).orElse(true)));
    }

    /** The domain region that holds the faulting address. */
    public Optional<RegionLayout.Region> violatedRegion() {
        return crash.flatMap(c -> layout.flatMap(l -> l.find(c.siAddr())));
    }
}
