package mpkernel.isolation.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The QEMU guest that gives this project real PKU on a CPU without it ({@code ./mpk qemu}).
 * Used by tests and experiments that must run the {@code mpk} backend for real.
 */
public final class PkuGuest {

    private PkuGuest() {
    }

    /** Why the guest cannot run here, or empty if it can. */
    public static Optional<String> unavailableReason() {
        if (!onPath("qemu-system-x86_64")) {
            return Optional.of("qemu-system-x86_64 is not installed (apt-get install qemu-system-x86 linux-image-amd64 busybox-static cpio)");
        }
        if (!onPath("busybox") && !Files.isExecutable(Path.of("/bin/busybox"))) {
            return Optional.of("busybox is not installed (apt-get install busybox-static)");
        }
        try (Stream<Path> boot = Files.list(Path.of("/boot"))) {
            if (boot.noneMatch(p -> p.getFileName().toString().startsWith("vmlinuz-"))) {
                return Optional.of("no kernel image in /boot (apt-get install linux-image-amd64)");
            }
        } catch (IOException e) {
            return Optional.of("cannot list /boot: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * For tests of the guest itself: why they must be skipped here, or empty if the guest can
     * run. Under CI ({@code CI=true}) on a host without PKU a missing guest is an error, not a
     * reason to skip: it would hide the only runs of real MPK.
     *
     * @throws IllegalStateException under CI when the guest cannot run and PKU is absent
     */
    public static Optional<String> skipReasonForTests() {
        Optional<String> reason = unavailableReason();
        if (reason.isPresent() && "true".equals(System.getenv("CI")) && !mpkernel.isolation.Pku.probe().available()) {
            throw new IllegalStateException("CI must run the mpk tests, but this host has no PKU and the PKU guest is unavailable: "
                    + reason.get());
        }
        reason.ifPresent(r -> System.out.println("SKIPPED PKU-guest tests: " + r));
        return reason;
    }

    /**
     * The system property that turns a missing PKU from a reason to skip the {@code mpk} tests
     * into an error. {@code ./mpk test} sets it wherever it runs them (natively on a PKU host,
     * or inside the guest): there, PKU is known to be present, and a skip would hide a broken
     * probe.
     */
    public static final String REQUIRE_PKU = "mpk.requirePku";

    /**
     * For tests tagged {@code mpk}, which run the {@code mpk} backend natively (in this JVM or
     * in its children): why they must be skipped here, or empty where PKU is usable.
     *
     * @throws IllegalStateException when PKU is missing and {@link #REQUIRE_PKU} is {@code true}
     */
    public static Optional<String> skipReasonForMpkTests() {
        mpkernel.isolation.Pku pku = mpkernel.isolation.Pku.probe();
        if (pku.available()) {
            return Optional.empty();
        }
        if (Boolean.getBoolean(REQUIRE_PKU)) {
            throw new IllegalStateException("the mpk tests must run here (" + REQUIRE_PKU + "), but PKU is " + pku.describe());
        }
        return Optional.of("no PKU on this machine (" + pku.describe() + "); ./mpk test runs the mpk tests inside the PKU guest");
    }

    /** Whether this JVM itself runs inside the guest. */
    public static boolean insideGuest() {
        return "1".equals(System.getenv("MPK_IN_QEMU"));
    }

    /** The project root: system property {@code mpk.root}, else {@code MPK_ROOT}, else the working folder. */
    public static Path projectRoot() {
        String p = System.getProperty("mpk.root");
        if (p == null || p.isBlank()) {
            p = System.getenv("MPK_ROOT");
        }
        return Path.of(p == null || p.isBlank() ? "." : p).toAbsolutePath().normalize();
    }

    /**
     * The command line that runs {@code command} inside the guest. It calls the guest runner
     * directly, not {@code ./mpk qemu}, which would first rebuild the project if sources changed
     * (and must not, from inside a build); run it with {@link #environment}.
     */
    public static List<String> wrap(List<String> command) {
        List<String> cmd = new ArrayList<>();
        cmd.add(projectRoot().resolve("isolation/qemu/mpk-qemu").toString());
        cmd.addAll(command);
        return cmd;
    }

    /** Sets what the guest runner expects in {@code pb}'s environment, for a run whose output a program reads. */
    public static ProcessBuilder environment(ProcessBuilder pb) {
        interactive(pb).environment().put("MPK_QEMU_QUIET", "1");
        return pb;
    }

    /**
     * Sets what the guest runner expects in {@code pb}'s environment, for a run a person
     * watches: the runner says when it boots the guest and the guest when it is up.
     */
    public static ProcessBuilder interactive(ProcessBuilder pb) {
        pb.environment().put("MPK_ROOT", projectRoot().toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MPK_QEMU_QUIET");
        return pb;
    }

    /** The java launcher of this JVM, which the guest sees at the same path. */
    public static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code command} inside the guest; returns exit status and combined output. */
    public static Result run(List<String> command) {
        try {
            Process p = environment(new ProcessBuilder(wrap(command))).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the PKU guest", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the PKU guest ran", e);
        }
    }

    /** Exit status and combined output of a guest run. */
    public record Result(int exitCode, String output) {
    }

    private static boolean onPath(String exe) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }
}
