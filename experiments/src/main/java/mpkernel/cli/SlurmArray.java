package mpkernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Submits work to Slurm: an array job whose task {@code i} of {@code n} runs one command, and a
 * job that runs after every task has succeeded ({@code --dependency=afterok}). The job scripts
 * are written into a run folder beside the results, with each task's log, so a user can read
 * and resubmit them by hand; they start the same JVM with the same module path as this one,
 * which a cluster with a shared file system sees at the same paths.
 */
final class SlurmArray {

    /** Where Slurm's commands find their configuration when the environment does not say (tests). */
    static final String CONF_PROPERTY = "mpkernel.slurm.conf";

    private final Path runDir;
    private final List<String> sbatchOptions;

    SlurmArray(Path runDir, List<String> sbatchOptions) {
        this.runDir = runDir;
        this.sbatchOptions = List.copyOf(sbatchOptions);
    }

    /** The ids of the array job and of the job after it. */
    record Submitted(String arrayJob, String afterJob) {
    }

    /**
     * Submits {@code tasks} tasks of {@code taskCommand}, in which {@code $SLURM_ARRAY_TASK_ID}
     * is the task's number (1 to {@code tasks}), then {@code afterCommand} once all succeeded.
     */
    Submitted submit(String name, int tasks, List<String> taskCommand, List<String> afterCommand) throws IOException {
        Files.createDirectories(runDir);
        Path task = script("task.sh", taskCommand);
        Path after = script("after.sh", afterCommand);
        String array = sbatch(List.of("--array=1-" + tasks, "--job-name=" + name, "--output=" + runDir.resolve("task-%a.log")), task);
        String then = sbatch(List.of("--dependency=afterok:" + array, "--kill-on-invalid-dep=yes", "--job-name=" + name + "-after",
                "--output=" + runDir.resolve("after.log")), after);
        return new Submitted(array, then);
    }

    /** A bash script that runs {@code command}, each word quoted; {@code $SLURM_ARRAY_TASK_ID} is left for bash to expand. */
    private Path script(String fileName, List<String> command) throws IOException {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n# written by ./mpk for Slurm; resubmit with sbatch if need be\nset -euo pipefail\nexec");
        for (String word : command) {
            sb.append(' ').append(word.contains("$SLURM_ARRAY_TASK_ID")
                    ? '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"'
                    : "'" + word.replace("'", "'\\''") + "'");
        }
        sb.append('\n');
        Path file = runDir.resolve(fileName);
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** Runs {@code sbatch --parsable} and returns the job id. */
    private String sbatch(List<String> options, Path script) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        cmd.addAll(options);
        cmd.addAll(sbatchOptions);
        cmd.add(script.toString());
        String out = run(cmd);
        String id = out.strip().split(";")[0];
        if (!id.matches("\\d+")) {
            throw new UserError("faults: sbatch said '" + out.strip() + "', not a job id");
        }
        return id;
    }

    /** Runs a Slurm command; its output, or a one-line error with what it printed. */
    static String run(List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        String conf = System.getProperty(CONF_PROPERTY);
        if (conf != null && System.getenv("SLURM_CONF") == null) {
            pb.environment().put("SLURM_CONF", conf);
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UserError("faults: cannot run " + cmd.getFirst() + " (is Slurm installed here?): " + e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new UserError("faults: " + String.join(" ", cmd.subList(0, Math.min(2, cmd.size()))) + " failed: "
                        + out.strip().replace('\n', ' '));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("faults: interrupted while " + cmd.getFirst() + " ran");
        }
        return out;
    }
}
