package mpkernel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mpkernel.isolation.Pku;
import mpkernel.isolation.fault.PkuGuest;

/**
 * Facts about where a run happens, written into every result file: CPU and its clock, PKU,
 * whether inside the QEMU guest (and so whether its times are measurements), the host kernel,
 * the hypervisor, the load average when the run started, JDK, git commit, date.
 */
record Machine(String cpuModel, int cores, Pku pku, boolean insideQemu, String jdk, String commit) {

    static Machine current() {
        return new Machine(readCpuModel(), Runtime.getRuntime().availableProcessors(), Pku.probe(),
                PkuGuest.insideGuest(), Runtime.version() + " (" + System.getProperty("java.vendor") + ")", gitCommit());
    }

    /** Provenance fields for a result file, in a stable order. */
    Map<String, String> provenance(String backend, String command) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("backend", backend);
        p.put("cpu", cpuModel);
        p.put("cpu_mhz", String.format(java.util.Locale.ROOT, "%.0f", cpuGhz() * 1000));
        p.put("cores", Integer.toString(cores));
        p.put("host_kernel", read("/proc/sys/kernel/osrelease"));
        p.put("hypervisor", hypervisor());
        p.put("pku", pku.available() ? "yes" : "no");
        p.put("inside_qemu", insideQemu ? "yes" : "no");
        p.put("timing", timing());
        p.put("jdk", jdk);
        p.put("commit", commit);
        p.put("date", Instant.now().toString());
        p.put("command", command);
        p.put("load_before", loadAverage());
        return p;
    }

    /** What a time taken here is: {@code measured}, or, inside the QEMU guest, an emulation artefact. */
    String timing() {
        return insideQemu ? EMULATED : "measured";
    }

    /** The label of every time taken inside the QEMU guest. */
    static final String EMULATED = "EMULATED (QEMU TCG): every time is an emulation artefact, not a measurement";

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg says. */
    static String loadAverage() {
        String l = read("/proc/loadavg");
        String[] f = l.split("\\s+");
        return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : l;
    }

    /** {@code none}, or the hypervisor the CPU flags and the DMI tables reveal. */
    static String hypervisor() {
        boolean flag;
        try {
            flag = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .anyMatch(l -> l.startsWith("flags") && java.util.Arrays.asList(l.split("\\s+")).contains("hypervisor"));
        } catch (IOException e) {
            flag = false;
        }
        String vendor = read("/sys/class/dmi/id/sys_vendor");
        String product = read("/sys/class/dmi/id/product_name");
        if (!flag) {
            return "none";
        }
        String who = (vendor.equals("unknown") ? "" : vendor) + (product.equals("unknown") ? "" : " " + product);
        return "yes" + (who.isBlank() ? "" : " (" + who.trim() + ")");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The CPU clock in GHz as /proc/cpuinfo reports it (under a hypervisor: the nominal rate). */
    static double cpuGhz() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("cpu MHz"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(':') + 1).trim()) / 1000)
                    .findFirst().orElse(2.0);
        } catch (IOException | NumberFormatException e) {
            return 2.0;
        }
    }

    /**
     * The git commit of the project, with {@code -dirty} if tracked files outside {@code results/} and
     * {@code paper-figures/} changed; in a bundle
     * ({@code ./mpk bundle}), which has no git history, the commit it was built from.
     */
    static String gitCommit() {
        String git = gitHead();
        return git.equals("unknown") ? BundleInfo.here().map(BundleInfo::commit).orElse(git) : git;
    }

    private static String gitHead() {
        try {
            Process p = new ProcessBuilder("git", "-C", PkuGuest.projectRoot().toString(), "rev-parse", "--short=12", "HEAD")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "unknown";
            }
            // Result files and figures are what a run writes, not what it runs: replacing them
            // (as a full regeneration does before its runs) leaves the commit clean. The paths
            // are from the top of the work tree, since the project root may lie below it (a
            // bundle unpacked inside a checkout).
            Process dirty = new ProcessBuilder("git", "-C", PkuGuest.projectRoot().toString(), "status", "--porcelain",
                    "--untracked-files=no", "--", ":/", ":(top,exclude)results", ":(top,exclude)paper-figures")
                    .redirectErrorStream(true).start();
            boolean modified = !new String(dirty.getInputStream().readAllBytes()).isBlank();
            dirty.waitFor(10, TimeUnit.SECONDS);
            return modified ? out + "-dirty" : out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
