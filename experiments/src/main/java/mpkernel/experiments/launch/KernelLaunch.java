package mpkernel.experiments.launch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import mpkernel.isolation.Backend;
import mpkernel.isolation.RegionLayout;
import mpkernel.isolation.fault.ChildJvm;
import mpkernel.isolation.fault.Fate;
import mpkernel.isolation.fault.PkuGuest;
import mpkernel.isolation.fault.RunsInReader;
import mpkernel.kernel.boot.Kernel;
import mpkernel.kernel.boot.KernelProcess;
import mpkernel.kernel.boot.KernelReport;
import mpkernel.kernel.boot.OptionalDomain;
import mpkernel.kernel.boot.ProgramCatalog;
import mpkernel.kernel.boot.ReportChannel;

/**
 * A kernel process to start: a {@link KernelProcess} in a child JVM running one program, once
 * or several times. {@link #run} chooses where the child's regions go (random, per run) and so
 * knows the layout without asking the child, generates the report token and the kernel secret
 * and hands both over on the child's standard input, and reads back only what is signed.
 */
public final class KernelLaunch {

    /** Bytes of each kernel domain's region (the kernel's default). */
    static final long KERNEL_BYTES = 64L << 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Backend backend;
    private final String modulePath;
    private final String program;
    private final List<String> args;
    private final Set<OptionalDomain> domains = EnumSet.noneOf(OptionalDomain.class);
    private final Map<String, Path> hostFiles = new LinkedHashMap<>();
    private long userBytes = 2L << 30;
    private int warmups;
    private int measured = 1;
    private boolean captureConsole;
    private String inject = "";
    private boolean strict;
    private Net net = Net.NONE;
    private final List<String> jvmArgs = new ArrayList<>();
    private Duration timeout = Duration.ofMinutes(60);
    private PrintStream echo;

    private KernelLaunch(Backend backend, String modulePath, String program, List<String> args) {
        this.backend = backend;
        this.modulePath = modulePath;
        this.program = program;
        this.args = List.copyOf(args);
    }

    /** {@code program} with {@code args} on a {@code backend} kernel, from the modules on {@code modulePath}. */
    public static KernelLaunch of(Backend backend, String modulePath, String program, List<String> args) {
        return new KernelLaunch(backend, modulePath, program, args);
    }

    /** Adds optional domains. */
    public KernelLaunch domains(Set<OptionalDomain> extra) {
        domains.addAll(extra);
        return this;
    }

    /** Exposes a host file read-only as {@code /host/NAME}. */
    public KernelLaunch hostFile(String name, Path file) {
        hostFiles.put(name, file.toAbsolutePath());
        return this;
    }

    /** The size of the user region. */
    public KernelLaunch userBytes(long bytes) {
        userBytes = bytes;
        return this;
    }

    /** Runs the program {@code warmups + measured} times on the one kernel. */
    public KernelLaunch repeat(int warmupRuns, int measuredRuns) {
        warmups = warmupRuns;
        measured = measuredRuns;
        return this;
    }

    /** Keeps the console in the kernel, which reports its hash and last {@code MPK-RESULT} line, instead of printing it. */
    public KernelLaunch captureConsole() {
        captureConsole = true;
        return this;
    }

    /** A kernel bug to inject before the program: {@code vault-bypass} or {@code bitflip:AFTER:BIT}. */
    public KernelLaunch inject(String bug) {
        inject = bug;
        return this;
    }

    /** Refuse to boot where the OS cannot confine the kernel process. */
    public KernelLaunch strict(boolean refuse) {
        strict = refuse;
        return this;
    }

    /** What the kernel's network card is wired to. */
    public enum Net {
        /** No network card. */
        NONE,
        /** A TAP interface in a network namespace made for the run ({@link NetNamespace}); needs root. */
        TAP,
        /** The in-process peer, with port forwarding from the host's loopback. */
        LOOP
    }

    /** Gives the kernel a network. */
    public KernelLaunch net(Net network) {
        net = network;
        return this;
    }

    /** Extra JVM options (e.g. for short trials). */
    public KernelLaunch jvmArgs(List<String> options) {
        jvmArgs.addAll(options);
        return this;
    }

    /** Kills the child after {@code limit}. */
    public KernelLaunch timeout(Duration limit) {
        timeout = limit;
        return this;
    }

    /** Copies the child's output to {@code out} as it comes. */
    public KernelLaunch echoTo(PrintStream out) {
        echo = out;
        return this;
    }

    /**
     * Why the program cannot be run from this module path, or empty: it does not exist, or its
     * module may not be loaded into a kernel.
     */
    public List<String> problems() {
        ProgramCatalog catalog = catalog(modulePath);
        return catalog.find(program).map(e -> e.module() == null ? List.<String>of() : catalog.problems(e.module()))
                .orElse(List.of("unknown program '" + program + "'; known: " + String.join(", ", catalog.programs().keySet())));
    }

    /**
     * Starts the child and waits for its end. With a TAP network, the namespace is made first
     * and deleted after, whatever the end.
     *
     * @throws IllegalStateException if the TAP network cannot be set up
     */
    public KernelOutcome run() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (net != Net.TAP) {
            return run(null);
        }
        try (NetNamespace ns = NetNamespace.create()) {
            return run(ns);
        }
    }

    private KernelOutcome run(NetNamespace ns) {
        String module = catalog(modulePath).find(program).orElseThrow().module();
        long base = RegionLayout.randomBase(RANDOM);
        RegionLayout layout = RegionLayout.plan(Kernel.policy(domains, KERNEL_BYTES, userBytes), base);
        byte[] tokenBytes = new byte[32];
        byte[] secret = new byte[Kernel.SECRET_BYTES];
        RANDOM.nextBytes(tokenBytes);
        RANDOM.nextBytes(secret);
        String token = HexFormat.of().formatHex(tokenBytes);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes((token + "\n").getBytes(StandardCharsets.US_ASCII));
        input.writeBytes(secret);

        List<String> childArgs = new ArrayList<>(List.of("--backend", backend.cliName(), "--base", "0x" + Long.toHexString(base),
                "--user-bytes", Long.toString(userBytes), "--repeat", warmups + ":" + measured));
        if (!domains.isEmpty()) {
            childArgs.addAll(List.of("--domains", String.join(",", domains.stream().map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).toList())));
        }
        hostFiles.forEach((n, p) -> childArgs.addAll(List.of("--host-file", n + "=" + p)));
        if (captureConsole) {
            childArgs.add("--capture-console");
        }
        if (!inject.isEmpty()) {
            childArgs.addAll(List.of("--inject", inject));
        }
        if (strict) {
            childArgs.add("--strict");
        }
        if (ns != null) {
            childArgs.addAll(List.of("--net", "tap:" + NetNamespace.TAP, "--net-label", "netns " + ns.name()));
        } else if (net == Net.LOOP) {
            childArgs.addAll(List.of("--net", "loop"));
        }
        childArgs.add(program);
        childArgs.addAll(args);
        List<String> jvm = new ArrayList<>(KernelJvm.options(module));
        if (PkuGuest.insideGuest()) {
            // under TCG a C2 compilation costs seconds and no time measured here is ever reported
            jvm.add("-XX:TieredStopAtLevel=1");
        }
        jvm.addAll(jvmArgs);
        String childPath = module == null ? modulePath : LimitedModules.kernelModulePath(modulePath, module);
        ChildJvm child = ChildJvm.onModulePath(childPath, "mpkernel.kernel", KernelProcess.class.getName())
                .jvmArgs(jvm).args(childArgs).input(input.toByteArray()).layout(layout).timeout(timeout);
        if (ns != null) {
            child.wrapper(ns.exec());
        }
        if (echo != null) {
            child.echoTo(echo).hideFromEcho(line -> line.contains(ReportChannel.PREFIX));
        }
        Fate fate = child.run();
        KernelReport.Reports reports = KernelReport.read(fate.stdout(), token);
        return new KernelOutcome(backend, fate, reports, leaks(fate, secret), RunsInReader.onModulePath(modulePath).withUserModule(module));
    }

    /**
     * The programs on {@code modulePath}, read from its class files once per launcher: a campaign
     * launches thousands of kernels from one module path, and inside the PKU guest reading every
     * class file again costs seconds per trial.
     */
    private static ProgramCatalog catalog(String modulePath) {
        return CATALOGS.computeIfAbsent(modulePath, ProgramCatalog::onModulePath);
    }

    private static final java.util.Map<String, ProgramCatalog> CATALOGS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the secret appears, in hex of either case, in what the child printed. */
    private static boolean leaks(Fate fate, byte[] secret) {
        String hex = HexFormat.of().formatHex(secret);
        String all = (fate.stdout() + fate.stderr()).toLowerCase(java.util.Locale.ROOT);
        return all.contains(hex);
    }
}
