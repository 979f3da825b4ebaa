package mpkernel.experiments.launch;

import java.util.Optional;

import mpkernel.isolation.Backend;
import mpkernel.isolation.fault.CrashReport;
import mpkernel.isolation.fault.Fate;
import mpkernel.isolation.fault.RunsInReader;
import mpkernel.kernel.boot.KernelReport;

/**
 * How a kernel process ended, judged only from what the program could not forge: the child's
 * exit and crash report, the region layout the launcher chose, the reports signed with this
 * run's token, and the launcher's own search for the secret it chose.
 *
 * @param backend the backend the kernel ran on
 * @param fate the child JVM's fate
 * @param reports the signed reports
 * @param leaked the kernel secret appears in the child's output (the launcher's own search), or in
 *     the console the kernel kept (the kernel's search, in a signed report)
 * @param domains reads the {@code @RunsIn} of the crashed frames
 */
public record KernelOutcome(Backend backend, Fate fate, KernelReport.Reports reports, boolean leaked, RunsInReader domains) {

    public KernelOutcome {
        leaked |= reports.runs().stream().anyMatch(KernelReport.Run::secretInConsole);
    }

    /** The broad verdict. */
    public enum Verdict {
        /** The kernel reported the end of its runs, with its integrity check. */
        COMPLETED,
        /** SIGSEGV with SEGV_ACCERR or SEGV_PKUERR at an address inside a domain region. */
        PROTECTION_FAULT,
        /** The JVM died of another signal. */
        CRASHED,
        /** Killed after the time limit. */
        TIMEOUT,
        /** The kernel could not boot (bad input, backend unavailable): exit status 2 before any report. */
        BOOT_FAILED,
        /** The process ended without the kernel's signed end report: something stopped it (the program itself, say). */
        NO_REPORT
    }

    /** The broad verdict. */
    public Verdict verdict() {
        return switch (fate.kind()) {
            case TIMEOUT -> Verdict.TIMEOUT;
            case PROTECTION_FAULT -> Verdict.PROTECTION_FAULT;
            case CRASHED -> Verdict.CRASHED;
            case COMPLETED, FAILED -> reports.end().isPresent() ? Verdict.COMPLETED
                    : fate.exitCode() == 2 && reports.runs().isEmpty() ? Verdict.BOOT_FAILED : Verdict.NO_REPORT;
        };
    }

    /** The end report, when the kernel got to write one. */
    public Optional<KernelReport.End> end() {
        return reports.end();
    }

    /** The last run's report, if any. */
    public Optional<KernelReport.Run> lastRun() {
        return reports.runs().isEmpty() ? Optional.empty() : Optional.of(reports.runs().getLast());
    }

    /** The domain whose code made the faulting access. */
    public Optional<String> runningDomain() {
        return fate.runningDomain(domains);
    }

    /** Whether the fault carries the backend's own signal code (SEGV_PKUERR under mpk, SEGV_ACCERR under mprotect). */
    public boolean ownSignalCode() {
        return fate.crash().map(c -> c.siCode() == (backend == Backend.MPK ? CrashReport.SEGV_PKUERR : CrashReport.SEGV_ACCERR))
                .orElse(false);
    }

    /** {@code PROTECTION FAULT: domain D accessed O memory at 0x... (SEGV_..., backend B)}. */
    public String protectionFaultLine() {
        CrashReport c = fate.crash().orElseThrow();
        return String.format("PROTECTION FAULT: domain %s accessed %s memory at 0x%x (%s, backend %s)",
                runningDomain().orElse("unknown"), fate.violatedRegion().orElseThrow().domain(), c.siAddr(), c.siCodeName(),
                backend.cliName());
    }
}
