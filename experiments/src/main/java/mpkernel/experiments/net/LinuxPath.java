package mpkernel.experiments.net;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mpkernel.experiments.launch.ExitCleanup;
import mpkernel.experiments.launch.IpCommand;

/**
 * The Linux baseline's network: two namespaces made for one run, a client's and a server's,
 * joined by a veth pair with 10.78.0.1 (client) and 10.78.0.2 (server), so that the Linux sink
 * and the sender pay a path of the same shape as the kernel's (one namespace, one virtual link).
 * Nothing of the host's network is touched. Closing deletes both namespaces (and the pair with
 * them); a shutdown hook does the same if the JVM ends first, as on Ctrl-C.
 */
final class LinuxPath implements AutoCloseable {

    /** The client's address. */
    static final String CLIENT = "10.78.0.1";
    /** The server's address. */
    static final String SERVER = "10.78.0.2";

    private final String client;
    private final String server;
    private final ExitCleanup cleanup;
    private Process sink;

    private LinuxPath(String prefix) {
        this.client = prefix + "-c";
        this.server = prefix + "-s";
        this.cleanup = new ExitCleanup("netbench-veth-cleanup", this::delete);
    }

    /** Makes both namespaces and the pair between them. */
    static LinuxPath create() {
        LinuxPath p = new LinuxPath("mpknb-" + ProcessHandle.current().pid());
        p.delete(); // left by an earlier launcher with this pid
        p.cleanup.armHook();
        try {
            IpCommand.run("netns", "add", p.client);
            IpCommand.run("netns", "add", p.server);
            IpCommand.run("-n", p.client, "link", "add", "nb0", "type", "veth", "peer", "name", "nb1", "netns", p.server);
            IpCommand.run("-n", p.client, "addr", "add", CLIENT + "/24", "dev", "nb0");
            IpCommand.run("-n", p.server, "addr", "add", SERVER + "/24", "dev", "nb1");
            for (String ns : List.of(p.client, p.server)) {
                IpCommand.run("-n", ns, "link", "set", "lo", "up");
            }
            IpCommand.run("-n", p.client, "link", "set", "nb0", "up");
            IpCommand.run("-n", p.server, "link", "set", "nb1", "up");
        } catch (IllegalStateException e) {
            p.close();
            throw e;
        }
        return p;
    }

    /** The client's namespace. */
    String client() {
        return client;
    }

    /** The server's namespace. */
    String server() {
        return server;
    }

    /**
     * Starts the Linux discard sink ({@link StreamPeer} {@code discard PORT}) in the server's
     * namespace, replacing one started before, and waits for its listening line.
     *
     * @throws HostCommand.Failed when it does not start
     */
    synchronized void startSink(int port) {
        stopSink();
        sink = HostCommand.start(server, HostCommand.peer(List.of("discard", Integer.toString(port))));
        try {
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(sink.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (first == null || !first.contains("listening")) {
                stopSink();
                throw new HostCommand.Failed("the Linux discard sink did not start: " + first);
            }
        } catch (java.io.IOException e) {
            stopSink();
            throw new HostCommand.Failed("the Linux discard sink did not start: " + e.getMessage());
        }
    }

    /** Stops the Linux sink, if one runs. */
    synchronized void stopSink() {
        if (sink != null) {
            sink.descendants().forEach(ProcessHandle::destroyForcibly);
            sink.destroyForcibly();
            try {
                sink.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sink = null;
        }
    }

    @Override
    public synchronized void close() {
        cleanup.runNow();
    }

    private void delete() {
        stopSink();
        for (String ns : List.of(client, server)) {
            try {
                IpCommand.run("netns", "delete", ns);
            } catch (IllegalStateException e) {
                // not there
            }
        }
    }
}
