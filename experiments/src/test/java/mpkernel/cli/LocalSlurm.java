package mpkernel.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A one-node Slurm cluster on this machine for a test: its own munge key and socket, a
 * slurm.conf for localhost on free ports, and munged, slurmctld and slurmd started as root from
 * a temporary folder; {@link #close} stops exactly the daemons it started. Needs root and
 * Debian's slurm-wlm and munge.
 */
final class LocalSlurm implements AutoCloseable {

    private final Path dir;
    private final Path conf;
    private final List<Path> pidFiles = new ArrayList<>();

    private LocalSlurm(Path dir) {
        this.dir = dir;
        this.conf = dir.resolve("slurm.conf");
    }

    /** Why a local cluster cannot start here, or null if it can. */
    static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "starting Slurm's daemons needs root";
        }
        for (String bin : List.of("/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch")) {
            if (!Files.isExecutable(Path.of(bin))) {
                return bin + " is missing (apt-get install slurm-wlm munge)";
            }
        }
        return null;
    }

    /** Starts the daemons in {@code dir} and waits until the node takes jobs. */
    static LocalSlurm start(Path dir) throws Exception {
        LocalSlurm s = new LocalSlurm(dir);
        s.boot();
        return s;
    }

    /** The slurm.conf, for {@code SLURM_CONF}. */
    Path conf() {
        return conf;
    }

    private void boot() throws Exception {
        for (String sub : List.of("state", "spool", "log")) {
            Files.createDirectories(dir.resolve(sub));
        }
        byte[] key = new byte[1024];
        new SecureRandom().nextBytes(key);
        Path keyFile = Files.write(dir.resolve("munge.key"), key);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("r--------"));
        Path socket = dir.resolve("munge.sock");
        pidFiles.add(dir.resolve("munged.pid"));
        run(List.of("/usr/sbin/munged", "--force", "--key-file=" + keyFile, "--socket=" + socket,
                "--pid-file=" + dir.resolve("munged.pid"), "--log-file=" + dir.resolve("log/munged.log"),
                "--seed-file=" + dir.resolve("munge.seed")));
        String host = output(List.of("hostname", "-s")).strip();
        int[] ports = {freePort(), freePort()};
        Files.writeString(conf, String.join("\n",
                "ClusterName=mpktest",
                "SlurmctldHost=" + host,
                "SlurmUser=root",
                "SlurmdUser=root",
                "AuthType=auth/munge",
                "AuthInfo=socket=" + socket,
                "CredType=cred/munge",
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("log/slurmctld.log"),
                "SlurmdLogFile=" + dir.resolve("log/slurmd.log"),
                "SlurmctldPort=" + ports[0],
                "SlurmdPort=" + ports[1],
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_CPU",
                "ReturnToService=2",
                "MpiDefault=none",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "NodeName=" + host + " CPUs=" + Runtime.getRuntime().availableProcessors() + " State=UNKNOWN",
                "PartitionName=test Nodes=" + host + " Default=YES MaxTime=INFINITE State=UP", ""), StandardCharsets.UTF_8);
        pidFiles.add(dir.resolve("slurmctld.pid"));
        pidFiles.add(dir.resolve("slurmd.pid"));
        run(List.of("/usr/sbin/slurmctld"));
        run(List.of("/usr/sbin/slurmd"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (output(List.of("sinfo", "-h", "-o", "%t")).contains("idle")) {
                    return;
                }
            } catch (IOException e) {
                // the controller is not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the local Slurm node never became idle; see " + dir.resolve("log"));
    }

    /** Waits until none of {@code jobs} is queued or running; false if that takes longer than {@code timeout}. */
    boolean awaitJobs(String jobs, long timeout, TimeUnit unit) throws Exception {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (output(List.of("squeue", "-h", "-j", jobs)).isBlank()) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        for (Path pid : pidFiles.reversed()) {
            if (Files.exists(pid)) {
                long p = Long.parseLong(Files.readString(pid).strip());
                ProcessHandle.of(p).ifPresent(h -> {
                    h.destroy();
                    try {
                        h.onExit().get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        h.destroyForcibly();
                    }
                });
            }
        }
    }

    private void run(List<String> cmd) throws Exception {
        Process p = process(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed; see " + dir.resolve("log"));
        }
    }

    private String output(List<String> cmd) throws Exception {
        Process p = process(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + out);
        }
        return out;
    }

    private ProcessBuilder process(List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("SLURM_CONF", conf.toString());
        return pb;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
