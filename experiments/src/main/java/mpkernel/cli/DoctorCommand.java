package mpkernel.cli;

import java.util.List;
import java.util.concurrent.Callable;

import mpkernel.isolation.Backend;
import mpkernel.isolation.Isolation;
import mpkernel.isolation.Policy;
import mpkernel.isolation.fault.PkuGuest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./mpk doctor}: what this machine offers, and which backends really work on it. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Print JDK, CPU, PKU and QEMU facts and check which isolation backends work here.",
        footer = {"", "Exit status: 0; with --pku, 0 where mpk runs natively here and 1 where it does not."})
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--pku", description = "only say whether protection keys are usable natively here (exit status 0 if so, 1 if not)")
    boolean pkuOnly;

    @Override
    public Integer call() {
        Machine m = Machine.current();
        if (pkuOnly) {
            System.out.println("native mpk: " + nativeMpk(m));
            return m.pku().available() ? 0 : 1;
        }
        row("JDK", m.jdk() + " at " + System.getProperty("java.home"));
        BundleInfo.here().ifPresent(b -> row("bundle", "commit " + b.commit() + ", made " + b.built() + " from JDK " + b.jdk()));
        row("CPU", m.cpuModel() + ", " + m.cores() + " cores");
        row("PKU", m.pku().describe());
        row("native mpk", nativeMpk(m));
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

    /** Whether the mpk backend, its tests and its measurements run natively here, and what follows. */
    private static String nativeMpk(Machine m) {
        if (!m.pku().available()) {
            return "no: mpk runs only inside the PKU guest (./mpk qemu, --qemu), and ./mpk test runs the mpk tests there";
        }
        return m.insideQemu()
                ? "yes, emulated by QEMU: mpk works, and every time taken here is an emulation artefact"
                : "yes: ./mpk test runs the mpk tests here, and reproduce, bench, sweep and faults measure mpk";
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
