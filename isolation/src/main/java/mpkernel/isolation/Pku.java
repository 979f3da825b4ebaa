package mpkernel.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether this machine offers protection keys to user space, and why not when it does not.
 *
 * <p>Two independent signals: the {@code pku}/{@code ospke} CPU flags in {@code /proc/cpuinfo},
 * and a {@code pkey_alloc} probe whose errno is captured. Any probe failure means "no PKU".
 * The errno differs by kernel and even by call: on this project's host the first
 * {@code pkey_alloc} of a process fails with EINVAL and every later one with ENOSPC, so the
 * probe runs once per process and every report quotes that one answer.
 *
 * @param cpuFlag {@code pku} is listed in /proc/cpuinfo
 * @param osEnabled {@code ospke} is listed (the OS enabled PKRU for user space)
 * @param allocWorks a {@code pkey_alloc} succeeded (the key was freed again)
 * @param allocErrno errno of the failed probe, 0 if it succeeded
 */
public record Pku(boolean cpuFlag, boolean osEnabled, boolean allocWorks, int allocErrno) {

    private static Pku probed;

    /** Probes this machine, once per process; never executes a PKRU instruction. */
    public static synchronized Pku probe() {
        if (probed == null) {
            probed = probeNow();
        }
        return probed;
    }

    private static Pku probeNow() {
        Set<String> flags = cpuFlags();
        boolean allocWorks = false;
        int errno = 0;
        if (Libc.hasPkeyCalls()) {
            Libc.Result r = Libc.pkeyAlloc(0);
            if (r.failed()) {
                errno = r.errno();
            } else {
                allocWorks = true;
                Libc.pkeyFree((int) r.value());
            }
        } else {
            errno = -1;
        }
        return new Pku(flags.contains("pku"), flags.contains("ospke"), allocWorks, errno);
    }

    /** Whether the {@code mpk} backend can run here. */
    public boolean available() {
        return allocWorks;
    }

    /** One line for humans: {@code present} or why not. */
    public String describe() {
        if (available()) {
            return "present (cpu flag pku" + (osEnabled ? ", ospke" : "") + ", pkey_alloc works)";
        }
        String why = errno(allocErrno);
        return "absent (cpu flag pku " + (cpuFlag ? "listed" : "not listed") + ", pkey_alloc failed: " + why + ")";
    }

    private static String errno(int e) {
        return switch (e) {
            case -1 -> "glibc has no pkey_alloc";
            case 22 -> "EINVAL";
            case 28 -> "ENOSPC";
            case 38 -> "ENOSYS";
            default -> "errno " + e;
        };
    }

    private static Set<String> cpuFlags() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("flags"))
                    .findFirst()
                    .map(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+")).collect(Collectors.toSet()))
                    .orElse(Set.of());
        } catch (IOException e) {
            return Set.of();
        }
    }
}
