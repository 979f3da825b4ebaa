package mpkernel.experiments.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network namespace for one kernel run with a TAP network, made and removed by the launcher
 * (it takes root, as {@code ip netns} does): {@code mpk-PID-N}, holding its loopback and a
 * persistent TAP interface {@value #TAP} with the host's address 10.77.0.1/24, up. The kernel
 * process runs inside it ({@link #exec}) and attaches to the interface at boot, as the guest
 * 10.77.0.2; a Linux client reaches it with {@code ip netns exec NAME ...}. Nothing of the
 * host's own network is visible in there, nor the kernel from the host's. Deleting the
 * namespace deletes the interface; namespaces left by launchers that died are deleted by the
 * next one.
 */
public final class NetNamespace implements AutoCloseable {

    /** The TAP interface inside every namespace. */
    public static final String TAP = "mpk0";
    /** The host's side of the TAP interface. */
    public static final String HOST_ADDRESS = "10.77.0.1";
    private static final Pattern OURS = Pattern.compile("mpk-(\\d+)-\\d+");
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String name;
    private final ExitCleanup cleanup;

    private NetNamespace(String name) {
        this.name = name;
        this.cleanup = new ExitCleanup("netns-cleanup-" + name, this::delete);
    }

    /** Why namespaces with TAP interfaces cannot be made here, or empty. */
    public static Optional<String> unavailableReason() {
        if (!isRoot()) {
            return Optional.of("--net tap makes a network namespace and a TAP interface, which needs root; use --net loop");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            return Optional.of("/dev/net/tun is missing (load the tun module); use --net loop");
        }
        try {
            IpCommand.run("-V");
        } catch (IllegalStateException e) {
            return Optional.of("the ip command (iproute2) is not installed; use --net loop");
        }
        return Optional.empty();
    }

    /**
     * Makes a fresh namespace with its TAP interface, after deleting those of dead launchers.
     *
     * @throws IllegalStateException with the failing command's message if it cannot
     */
    public static NetNamespace create() {
        removeStale();
        NetNamespace ns = new NetNamespace("mpk-" + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet());
        IpCommand.run("netns", "add", ns.name);
        ns.cleanup.armHook();
        try {
            IpCommand.run("-n", ns.name, "link", "set", "lo", "up");
            IpCommand.run("-n", ns.name, "tuntap", "add", "dev", TAP, "mode", "tap");
            IpCommand.run("-n", ns.name, "addr", "add", HOST_ADDRESS + "/24", "dev", TAP);
            IpCommand.run("-n", ns.name, "link", "set", TAP, "up");
        } catch (IllegalStateException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** The namespace's name. */
    public String name() {
        return name;
    }

    /** The command prefix that runs a command inside the namespace. */
    public List<String> exec() {
        return List.of("ip", "netns", "exec", name);
    }

    /** Deletes the namespace (and the interface with it). Idempotent. */
    @Override
    public void close() {
        cleanup.runNow();
    }

    private void delete() {
        try {
            IpCommand.run("netns", "delete", name);
        } catch (IllegalStateException e) {
            // gone already
        }
    }

    /** Deletes the namespaces of launchers that no longer run. */
    static void removeStale() {
        for (String line : IpCommand.run("netns", "list").split("\n")) {
            String n = line.split(" ")[0];
            Matcher m = OURS.matcher(n);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                try {
                    IpCommand.run("netns", "delete", n);
                } catch (IllegalStateException e) {
                    // another launcher was faster
                }
            }
        }
    }

    private static boolean isRoot() {
        try {
            return "0".equals(Files.readString(Path.of("/proc/self/status"), StandardCharsets.US_ASCII).lines()
                    .filter(l -> l.startsWith("Uid:")).map(l -> l.split("\\s+")[2]).findFirst().orElse(""));
        } catch (IOException e) {
            return false;
        }
    }
}
