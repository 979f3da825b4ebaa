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
 * Facts about where a run happens, written into every result file: CPU, PKU, whether inside
 * the QEMU guest, JDK, git commit, date.
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
        p.put("cores", Integer.toString(cores));
        p.put("pku", pku.available() ? "yes" : "no");
        p.put("inside_qemu", insideQemu ? "yes" : "no");
        p.put("jdk", jdk);
        p.put("commit", commit);
        p.put("date", Instant.now().toString());
        p.put("command", command);
        return p;
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

    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "-C", PkuGuest.projectRoot().toString(), "rev-parse", "--short=12", "HEAD")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "unknown";
            }
            Process dirty = new ProcessBuilder("git", "-C", PkuGuest.projectRoot().toString(), "status", "--porcelain",
                    "--untracked-files=no").redirectErrorStream(true).start();
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
