package mpkernel.isolation.fault;

import java.nio.file.Path;
import java.util.Optional;

import mpkernel.isolation.RegionLayout;

/**
 * How a child JVM ended.
 *
 * @param exitCode the exit status, -1 after a timeout
 * @param timedOut the child was killed for running too long
 * @param stdout everything it printed on stdout
 * @param stderr everything it printed on stderr
 * @param crash the parsed hs_err file, if the JVM died of a signal
 * @param layout the region layout the child recorded at boot, if it booted
 * @param hsErrFile the hs_err file, if written
 */
public record Fate(int exitCode, boolean timedOut, String stdout, String stderr,
                   Optional<CrashReport> crash, Optional<RegionLayout> layout, Optional<Path> hsErrFile) {

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

    /** The domain whose code made the faulting access, resolved against the domains the child declared. */
    public Optional<String> runningDomain() {
        return crash.flatMap(c -> c.runningDomain(d -> layout.map(l -> l.of(d).isPresent()).orElse(true)));
    }

    /** The domain region that holds the faulting address. */
    public Optional<RegionLayout.Region> violatedRegion() {
        return crash.flatMap(c -> layout.flatMap(l -> l.find(c.siAddr())));
    }
}
