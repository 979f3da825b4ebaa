package mpkernel.cli;

import java.util.List;
import java.util.concurrent.Callable;

import mpkernel.isolation.Backend;
import mpkernel.isolation.Isolation;
import mpkernel.isolation.Policy;
import mpkernel.isolation.fault.PkuGuest;
import picocli.CommandLine.Command;

/** {@code ./mpk doctor}: what this machine offers, and which backends really work on it. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Print JDK, CPU, PKU and QEMU facts and check which isolation backends work here.")
final class DoctorCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Machine m = Machine.current();
        row("JDK", m.jdk() + " at " + System.getProperty("java.home"));
        row("CPU", m.cpuModel() + ", " + m.cores() + " cores");
        row("PKU", m.pku().describe());
        row("inside QEMU", m.insideQemu() ? "yes (the PKU guest)" : "no");
        row("QEMU guest", m.insideQemu() ? "n/a (running inside it)"
                : PkuGuest.unavailableReason().map(r -> "unusable: " + r).orElse("usable: ./mpk qemu -- CMD"));
        row("confinement", confinement());
        System.out.println("backends:");
        for (Backend b : Backend.values()) {
            row("  " + b.cliName(), check(b));
        }
        return 0;
    }

    /** Boots a small policy on {@code backend} and verifies the protection it sets up. */
    private static String check(Backend backend) {
        try (Isolation iso = Isolation.boot(backend, Policy.paper(1 << 16, 1 << 16))) {
            List<String> problems = iso.selfCheck();
            if (!problems.isEmpty()) {
                return "BROKEN: " + String.join("; ", problems);
            }
            return switch (backend) {
                case NONE -> "works (no protection: the unisolated baseline)";
                case MPROTECT -> "works (page permissions verified in every domain)";
                case MPK -> "works (PKRU and region keys verified in every domain)";
                case MPK_DRY -> "works (benchmark-only: the mpk gate path without WRPKRU/LFENCE; protects nothing)";
            };
        } catch (RuntimeException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    /** Whether kernel processes can confine themselves: seccomp filters with the return actions they use. */
    private static String confinement() {
        java.nio.file.Path actions = java.nio.file.Path.of("/proc/sys/kernel/seccomp/actions_avail");
        try {
            String avail = java.nio.file.Files.readString(actions).trim();
            return avail.contains("errno") && avail.contains("allow")
                    ? "seccomp filters available: kernel processes on mpk and mprotect confine themselves"
                    : "UNAVAILABLE (seccomp actions: " + avail + "): kernel processes run unconfined; --strict refuses";
        } catch (java.io.IOException e) {
            return "UNAVAILABLE (no " + actions + "): kernel processes run unconfined; --strict refuses";
        }
    }

    private static void row(String name, String value) {
        System.out.printf("%-14s %s%n", name, value);
    }
}
