package mpkernel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import mpkernel.experiments.faults.Campaign;
import mpkernel.experiments.faults.CampaignFile;
import mpkernel.experiments.faults.Classifier;
import mpkernel.experiments.faults.Summary;
import mpkernel.experiments.faults.Trial;
import mpkernel.experiments.faults.TrialResult;
import mpkernel.experiments.launch.KernelLaunch;
import mpkernel.experiments.launch.KernelOutcome;
import mpkernel.isolation.Backend;
import mpkernel.isolation.fault.PkuGuest;
import mpkernel.kernel.boot.OptionalDomain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./mpk faults}: a fault-injection campaign, one child JVM per trial, results appended to
 * {@code results/faults-<backend>-<seed>.csv} as they finish; re-running the same command
 * resumes. {@code ./mpk faults merge FILES...} summarises several files side by side.
 */
@Command(name = "faults", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a fault-injection campaign and summarise what isolation catches.",
        subcommands = FaultsCommand.Merge.class)
final class FaultsCommand implements Callable<Integer> {

    @Option(names = "--backend", paramLabel = "none|mpk|mprotect", description = "backend (default: mpk where PKU exists, else mprotect)")
    String backend;

    @Option(names = "--trials", description = "trials in the campaign (default ${DEFAULT-VALUE})")
    int trials = 1000;

    @Option(names = "--seed", description = "campaign seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--models", split = ",", paramLabel = "a,b", description = "fault models (default: control, wild-write, wild-read, overflow, descriptor-bitflip, use-after-free, native-user-write, proc-mem; also, when named: net-driver-write, on a kernel with the loop network)")
    List<String> models = new ArrayList<>(Trial.MODELS);

    @Option(names = "--jobs", description = "trials in parallel (default 2; 1 inside the PKU guest, whose emulated CPUs share one host core)")
    Integer jobsOption;

    /** The trials in parallel that apply: {@code --jobs}, else a default for where the campaign runs. */
    int jobs;

    @Option(names = "--shard", paramLabel = "i/n", description = "run only shard i of n (e.g. a Slurm array task); merge the files afterwards")
    String shard = "1/1";

    @Option(names = "--domains", paramLabel = "driver", description = "run the drivers in their own DRIVER domain (source and target of faults)")
    String domains = "";

    @Option(names = "--qemu", description = "run the campaign inside the PKU guest, one boot per guest (default backend there: mpk)")
    boolean qemu;

    @Option(names = "--guests", paramLabel = "G", description = "with --qemu: boot G guests side by side, each running 1/G of the trials, "
            + "then merge their files (default: 2 where the host has 2 or more cores, since QEMU emulates each guest on one host core)")
    Integer guests;

    @Option(names = "--timeout", description = "seconds before a trial counts as HANG (default 30 on a host, "
            + GUEST_TIMEOUT + " inside the PKU guest, where a kernel JVM alone takes 20-40 s to start)")
    Integer timeoutOption;

    /** The trial timeout that applies: {@code --timeout}, else a default for where the campaign runs. */
    int timeout;

    /** Default trial timeout inside QEMU TCG. */
    static final int GUEST_TIMEOUT = 240;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/ of the project)")
    Path out;

    @Option(names = "--slurm", paramLabel = "N", description = "submit the campaign to Slurm as an array job of N shards and a job that merges them")
    int slurm;

    @Option(names = "--slurm-opts", paramLabel = "'OPTS'", description = "more sbatch options for every job, e.g. '--partition=short --time=2:00:00'")
    String slurmOpts = "";

    /** The host's command line as typed, handed into the PKU guest for the provenance. */
    @Option(names = "--typed", hidden = true)
    String typed;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (String m : models) {
            if (!Trial.known(m)) {
                throw new UserError("faults: unknown model '" + m + "'; known: " + String.join(",", Trial.MODELS) + ","
                        + String.join(",", Trial.OPT_IN_MODELS));
            }
        }
        timeout = timeoutOption != null ? timeoutOption : PkuGuest.insideGuest() ? GUEST_TIMEOUT : 30;
        atLeastOne("--trials", trials);
        jobs = jobsOption != null ? jobsOption : PkuGuest.insideGuest() ? 1 : 2;
        atLeastOne("--jobs", jobs);
        if (guests != null && !qemu) {
            throw new UserError("faults: --guests needs --qemu");
        }
        atLeastOne("--timeout", timeout);
        int[] sh = parseShard(shard);
        if (!domains.isEmpty() && !domains.equals("driver")) {
            throw new UserError("faults: --domains takes only 'driver'");
        }
        boolean driver = domains.equals("driver");
        Machine machine = Machine.current();
        Backend b = backend != null ? RunCommand.parseBackend(backend)
                : qemu || machine.pku().available() ? Backend.MPK : Backend.MPROTECT;
        if (b == Backend.MPK_DRY) {
            throw new UserError("faults: mpk-dry protects nothing; use none, mprotect or mpk");
        }
        if (slurm != 0) {
            return submitToSlurm(b);
        }
        if (qemu) {
            return inGuest(b);
        }
        if (b == Backend.MPK && !machine.pku().available()) {
            throw new UserError("faults: backend mpk needs PKU, which this machine lacks; use --backend mprotect or --qemu");
        }
        Path dir = out != null ? out : PkuGuest.projectRoot().resolve("results");
        String label = label(b);
        String name = fileName(label, sh[0], sh[1]);
        Map<String, String> header = machine.provenance(label, typed != null ? typed : TypedCommand.of(spec));
        header.put("seed", Long.toString(seed));
        header.put("trials", Integer.toString(trials));
        header.put("models", String.join(",", models));
        header.put("shard", shard);
        header.put("jobs", Integer.toString(jobs));
        header.put("trial_timeout_s", Integer.toString(timeout));
        Campaign.TrialRunner runner = (t, golden) -> runTrial(b, t, golden);
        Campaign campaign = new Campaign(seed, trials, models, sh[0], sh[1], driver);
        Path file = dir.resolve(name);
        String golden = Files.exists(file) ? readExisting(file).header().get("golden") : null;
        if (golden == null) {
            System.err.println("mpk: faults: golden (fault-free) run...");
            try {
                golden = Campaign.golden(runner, seed);
            } catch (IllegalStateException e) {
                throw new UserError("faults: " + e.getMessage() + " (a slow machine? raise --timeout, now " + timeout + " s)");
            }
        }
        header.put("golden", golden);
        try (CampaignFile f = openFile(file, header)) {
            System.err.printf("mpk: faults: %d trials (shard %s) on %s -> %s%n", campaign.plan().size(), shard, b.cliName(), file);
            long t0 = System.nanoTime();
            int ran = campaign.run(f, runner, golden, jobs, System.err);
            double minutes = (System.nanoTime() - t0) / 60e9;
            if (ran > 0) {
                System.err.printf("mpk: faults: %d trials in %.1f min = %.1f trials/min with %d jobs%s%n", ran, minutes, ran / minutes, jobs,
                        machine.insideQemu() ? " (QEMU TCG: an emulation artefact, not a throughput)" : "");
            }
            Summary s = new Summary();
            s.add(label, f.rows());
            System.out.print(s.table());
            System.out.println("results: " + file);
        }
        return 0;
    }

    /**
     * Submits the campaign as {@code --slurm N} shards (one array task each, on the results
     * folder they share) and a job that merges the shards into the file one process would have
     * written.
     */
    private int submitToSlurm(Backend b) throws IOException {
        if (slurm < 1) {
            throw new UserError("faults: --slurm must be at least 1, got " + slurm);
        }
        if (!shard.equals("1/1")) {
            throw new UserError("faults: --slurm makes the shards itself; leave out --shard");
        }
        Path dir = (out != null ? out : PkuGuest.projectRoot().resolve("results")).toAbsolutePath();
        String label = label(b);
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = dir.resolve("slurm").resolve("faults-" + label + "-" + seed + "-" + stamp);
        List<String> launcher = faultsLauncher();
        List<String> task = shardCommand(b, "$SLURM_ARRAY_TASK_ID/" + slurm, dir);
        if (qemu) {
            task.addAll(List.of("--qemu", "--guests", "1"));
        }
        Path merged = dir.resolve(fileName(label, 1, 1));
        if (Files.exists(merged)) {
            throw new UserError("faults: " + merged + " exists already; choose another --seed or move it away");
        }
        List<String> after = new ArrayList<>(launcher);
        after.addAll(List.of("merge", "--into", merged.toString()));
        for (int i = 1; i <= slurm; i++) {
            after.add(dir.resolve(fileName(label, i, slurm)).toString());
        }
        List<String> opts = slurmOpts.isBlank() ? List.of() : List.of(slurmOpts.strip().split("\\s+"));
        SlurmArray.Submitted jobs = new SlurmArray(runDir, opts).submit("mpk-faults", slurm, task, after);
        System.out.printf("submitted: array job %s (%d shards of %d trials on %s) and merge job %s%n", jobs.arrayJob(), slurm, trials,
                b.cliName(), jobs.afterJob());
        System.out.println("job scripts and logs: " + runDir);
        System.out.println("merged campaign, once every shard has finished: " + merged);
        System.out.println("watch with: squeue -j " + jobs.arrayJob() + "," + jobs.afterJob());
        return 0;
    }

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new UserError("faults: " + option + " must be at least 1, got " + value);
        }
    }

    private static CampaignFile openFile(Path file, Map<String, String> header) throws IOException {
        try {
            return CampaignFile.openForAppend(file, header, List.of("backend", "seed", "trials", "models", "shard", "trial_timeout_s"));
        } catch (IllegalArgumentException e) {
            throw new UserError("faults: " + e.getMessage());
        }
    }

    /** The campaign file being resumed; a damaged one is the user's to look at, not ours to overwrite. */
    private static CampaignFile readExisting(Path file) throws IOException {
        try {
            return CampaignFile.read(file);
        } catch (CampaignFile.MalformedFileException e) {
            throw new UserError("faults: cannot resume: " + e.getMessage());
        }
    }

    static int[] parseShard(String s) {
        String[] p = s.split("/");
        try {
            int i = Integer.parseInt(p[0]);
            int n = Integer.parseInt(p[1]);
            if (p.length == 2 && n >= 1 && i >= 1 && i <= n) {
                return new int[] {i, n};
            }
        } catch (RuntimeException e) {
            // fall through to the error
        }
        throw new UserError("faults: --shard wants i/n with 1 <= i <= n, got '" + s + "'");
    }

    /**
     * One trial: {@code fault-workload} on a fresh kernel process, its console kept in the
     * kernel (which reports its hash), the descriptor bit flip and the network driver's wild
     * copy injected by the kernel itself (the workload then makes the driver receive a frame);
     * short-lived JVM settings, since a trial runs for seconds.
     */
    Campaign.Run runTrial(Backend b, Trial t, String golden) {
        long t0 = System.nanoTime();
        KernelLaunch launch = KernelLaunch.of(b, Launch.modulePath(), "fault-workload", List.of("--seed", Long.toString(seed),
                        "--model", t.model(), "--target", t.target(), "--param", Long.toString(t.param())))
                .userBytes(256L << 20).captureConsole()
                .jvmArgs(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-Xmx256m"))
                .timeout(Duration.ofSeconds(timeout));
        if (domains.equals("driver")) {
            launch.domains(java.util.Set.of(OptionalDomain.DRIVER));
        }
        if (t.model().equals("descriptor-bitflip")) {
            launch.inject("bitflip:" + Math.floorMod(t.param(), 3) + ":" + Math.floorMod(t.param() >>> 8, 48));
        }
        if (t.model().equals("net-driver-write")) {
            launch.net(KernelLaunch.Net.LOOP).inject("net-tx:" + switch (t.target()) {
                case "safe-data" -> "secret";
                case "safe-net" -> "interface";
                default -> t.target();
            });
        }
        KernelOutcome o = launch.run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Campaign.Run(Classifier.classify(t, o, golden, ms), Classifier.outputHash(o));
    }

    /** What names the campaign in its files: the backend, and {@code +driver} with the DRIVER domain. */
    private String label(Backend b) {
        return b.cliName() + (domains.equals("driver") ? "+driver" : "");
    }

    /** The campaign file of shard {@code i} of {@code n} ({@code n == 1}: the whole campaign). */
    private String fileName(String label, int i, int n) {
        return "faults-" + label + "-" + seed + (n > 1 ? "-shard" + i + "of" + n : "") + ".csv";
    }

    /**
     * {@code --qemu}: the campaign inside the PKU guest. With more than one guest each boots on
     * its own host core and runs one shard; once all have ended, their files are merged into the
     * file one process would have written (re-running resumes every shard, then merges again).
     */
    private int inGuest(Backend b) throws IOException, InterruptedException {
        int g = guests != null ? guests : Math.min(2, Runtime.getRuntime().availableProcessors());
        atLeastOne("--guests", g);
        if (g > 1 && !shard.equals("1/1")) {
            throw new UserError("faults: --guests makes the shards itself; leave out --shard, or give --guests 1");
        }
        Path dir = (out != null ? out : PkuGuest.projectRoot().resolve("results")).toAbsolutePath();
        String label = label(b);
        if (g == 1) {
            requireGuest();
            return new GuestShards(List.of(shardCommand(b, shard, dir)), guestTimeout(trials)).run();
        }
        Path merged = dir.resolve(fileName(label, 1, 1));
        // the shards live in a folder of their own, so that a results folder holds each campaign once
        Path shardDir = dir.resolve(GUEST_SHARDS);
        List<Path> shardFiles = new ArrayList<>();
        List<List<String>> commands = new ArrayList<>();
        for (int k = 1; k <= g; k++) {
            shardFiles.add(shardDir.resolve(fileName(label, k, g)));
            commands.add(shardCommand(b, k + "/" + g, shardDir));
        }
        refuseForeign(merged, shardFiles);
        requireGuest();
        Files.createDirectories(shardDir);
        int before = rowsIn(shardFiles);
        long t0 = System.nanoTime();
        int status = new GuestShards(commands, guestTimeout((trials + g - 1) / g)).run();
        double minutes = (System.nanoTime() - t0) / 60e9;
        if (status != 0) {
            System.err.println("mpk: faults: a guest failed (status " + status + "); re-run the same command to resume every shard");
            return status;
        }
        int ran = rowsIn(shardFiles) - before;
        // the campaign's own pace, boots and golden runs included: the trial times alone cannot give it
        String pace = String.format(java.util.Locale.ROOT, "%d trials in %.1f min = %.1f trials/min (wall clock, %d guests side by side,"
                + " boots and golden runs included; QEMU TCG)", ran, minutes, ran / minutes, g);
        CampaignFile joined;
        try {
            joined = mpkernel.experiments.faults.ShardMerge.merge(shardFiles, merged, Map.of("guests", Integer.toString(g), "guest_pace", pace));
        } catch (CampaignFile.MalformedFileException | mpkernel.experiments.faults.ShardMerge.MismatchException e) {
            throw new UserError("faults: cannot merge the guests' shards: " + e.getMessage());
        }
        System.err.println("mpk: faults: " + pace);
        Summary s = new Summary();
        s.add(joined.header().get("backend"), joined.rows());
        System.out.print(s.table());
        System.out.println("results: " + merged + " (merged from " + g + " guests' shards in " + shardDir + ")");
        return 0;
    }

    /** The folder, inside the results folder, of the shards that {@code --qemu --guests G} runs. */
    static final String GUEST_SHARDS = "guest-shards";

    /** Trials already in those of {@code files} that exist. */
    private static int rowsIn(List<Path> files) throws IOException {
        int n = 0;
        for (Path f : files) {
            n += Files.exists(f) ? readExisting(f).rows().size() : 0;
        }
        return n;
    }

    private static void requireGuest() {
        PkuGuest.unavailableReason().ifPresent(r -> {
            throw new UserError("faults: --qemu needs the PKU guest: " + r);
        });
    }

    /** The launcher's own command line up to {@code faults}, as this JVM was started. */
    private static List<String> faultsLauncher() {
        List<String> cmd = new ArrayList<>(List.of(PkuGuest.javaLauncher()));
        cmd.addAll(Launch.launcherJvmOptions());
        cmd.addAll(List.of("-p", Launch.modulePath(), "-m", "mpkernel.experiments/mpkernel.cli.Main", "faults"));
        return cmd;
    }

    /**
     * The command that runs {@code shardOfCampaign} of this campaign into {@code dir}, with the
     * options the user gave (a guest's or a Slurm task's): the defaults that depend on where it
     * runs ({@code --jobs}, {@code --timeout}) are left to the place that runs it.
     */
    private List<String> shardCommand(Backend b, String shardOfCampaign, Path dir) {
        List<String> cmd = faultsLauncher();
        cmd.addAll(List.of("--backend", b.cliName(), "--trials", Integer.toString(trials), "--seed", Long.toString(seed),
                "--models", String.join(",", models), "--shard", shardOfCampaign,
                "--domains", domains, "--typed", TypedCommand.of(spec), "--out", dir.toString()));
        if (jobsOption != null) {
            cmd.addAll(List.of("--jobs", Integer.toString(jobs)));
        }
        if (timeoutOption != null) {
            cmd.addAll(List.of("--timeout", Integer.toString(timeout)));
        }
        return cmd;
    }

    /**
     * The guest runner's own limit for a guest running {@code trials} trials: one that no
     * campaign making progress reaches (every trial at its own timeout, plus the golden run and
     * ten minutes for the boot and the launcher), so that it only ends a hung guest.
     */
    private long guestTimeout(int trialsInGuest) {
        int perTrial = timeoutOption != null ? timeoutOption : GUEST_TIMEOUT;
        return (long) (trialsInGuest + 1) * perTrial + 600;
    }

    /** Refuses to merge over a campaign file that is not an earlier merge of these very shards. */
    private static void refuseForeign(Path merged, List<Path> shardFiles) throws IOException {
        if (!Files.exists(merged)) {
            return;
        }
        String names = String.join(" ", shardFiles.stream().map(p -> p.getFileName().toString()).toList());
        String from = readExisting(merged).header().get("merged_from");
        if (!names.equals(from)) {
            throw new UserError("faults: " + merged + " exists and is not merged from " + names
                    + "; move it away, or resume it with --guests 1");
        }
    }

    /** {@code ./mpk faults merge FILES...}: one summary over campaign files, backends side by side. */
    @Command(name = "merge", mixinStandardHelpOptions = true, description = "Summarise campaign files (shards, backends) together.")
    static final class Merge implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILES", description = "results/faults-*.csv files")
        List<Path> files;

        @Option(names = "--into", paramLabel = "FILE", description = "join the shards of one campaign into FILE, the file one process would have written")
        Path into;

        @Override
        public Integer call() throws IOException {
            Summary s = new Summary();
            if (into != null) {
                files.forEach(Merge::checkReadable);
                CampaignFile merged;
                try {
                    merged = mpkernel.experiments.faults.ShardMerge.merge(files, into);
                } catch (CampaignFile.MalformedFileException | mpkernel.experiments.faults.ShardMerge.MismatchException e) {
                    throw new UserError("faults merge: " + e.getMessage());
                }
                s.add(merged.header().get("backend"), merged.rows());
                System.out.print(s.table());
                System.out.println("results: " + into);
                return 0;
            }
            for (Path p : files) {
                checkReadable(p);
                CampaignFile f;
                try {
                    f = CampaignFile.read(p);
                } catch (CampaignFile.MalformedFileException e) {
                    throw new UserError("faults merge: " + e.getMessage());
                }
                String backend = f.header().get("backend");
                if (backend == null) {
                    throw new UserError("faults merge: " + p + " is not a campaign file (no backend in its header)");
                }
                s.add(backend, f.rows());
            }
            System.out.print(s.table());
            return 0;
        }

        private static void checkReadable(Path p) {
            if (Files.isDirectory(p)) {
                throw new UserError("faults merge: " + p + " is a folder; name the campaign files in it (e.g. " + p + "/faults-*.csv)");
            }
            if (!Files.isRegularFile(p)) {
                throw new UserError("faults merge: no such file: " + p);
            }
        }
    }
}
