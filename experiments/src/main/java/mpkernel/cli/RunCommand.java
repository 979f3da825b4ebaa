package mpkernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import mpkernel.experiments.launch.KernelLaunch;
import mpkernel.experiments.launch.KernelOutcome;
import mpkernel.experiments.launch.NetNamespace;
import mpkernel.isolation.Backend;
import mpkernel.isolation.Pku;
import mpkernel.isolation.fault.CrashReport;
import mpkernel.isolation.fault.PkuGuest;
import mpkernel.kernel.boot.KernelReport;
import mpkernel.kernel.boot.OptionalDomain;
import mpkernel.kernel.boot.ProgramCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./mpk run PROGRAM}: boots a fresh kernel in a child JVM, runs the program, and reports
 * how it ended, from what the program cannot forge: the crash report and the layout the
 * launcher chose, the kernel's signed end-of-run report, and the launcher's own search for the
 * secret it handed the kernel.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a user program on a freshly booted kernel.",
        footer = {"", "Exit status: the program's (0 = completed), 1 the kernel JVM crashed or timed out, 2 bad usage,",
                "3 stopped by isolation (PROTECTION FAULT), 4 the kernel's integrity check failed or the output holds the",
                "kernel secret, 5 no verdict (the kernel process ended without its signed end-of-run report)."})
final class RunCommand implements Callable<Integer> {

    /** Exit status when isolation stopped the program. */
    static final int ISOLATION_FAULT = 3;
    /** Exit status when the kernel's state was damaged or its secret got out. */
    static final int KERNEL_COMPROMISED = 4;
    /** Exit status when the kernel process ended without its signed report. */
    static final int NO_VERDICT = 5;

    @Option(names = "--backend", paramLabel = "none|mpk|mprotect|mpk-dry",
            description = "isolation backend (default: mpk where PKU exists, else mprotect; mpk-dry protects nothing)")
    String backend;

    @Option(names = "--qemu", description = "run inside the PKU guest (default backend there: mpk)")
    boolean qemu;

    @Option(names = "--host-file", paramLabel = "NAME=PATH", description = "expose a host file read-only as /host/NAME")
    List<String> hostFiles = new ArrayList<>();

    @Option(names = "--domains", split = ",", paramLabel = "driver,vault,per-task",
            description = "optional domains to add to the paper's three: driver (the drivers in their own domain), vault (the secret in its own), "
                    + "per-task (each task the program spawns in a domain of its own)")
    List<String> domains = new ArrayList<>();

    @Option(names = "--strict", description = "refuse to run where the OS cannot confine the kernel process (seccomp)")
    boolean strict;

    @Option(names = "--net", paramLabel = "tap|loop", description = "give the kernel a virtio-net card: tap (a TAP interface in a network namespace made for the run; root) or loop (an in-process peer, with forwarding from 127.0.0.1)")
    String net;

    @Option(names = "--repeat", paramLabel = "N", description = "run the program N times on the one kernel (default ${DEFAULT-VALUE}); the exit status is the last run's")
    int repeat = 1;

    @Option(names = "--inject", hidden = true, description = "inject a kernel bug before the program: vault-bypass, net-tx:TARGET")
    String inject = "";

    @Option(names = "--list", description = "list the programs and exit")
    boolean list;

    @Option(names = "--stats", description = "print gate crossings at the end")
    boolean stats;

    @Option(names = "--boot-trace", description = "print where the kernel process's start-up time went: JVM start, then each boot phase, in ms")
    boolean bootTrace;

    @Option(names = "--keep-crash", description = "keep the kernel JVM's crash report (a fault or crash) in results/crashes/ (the newest "
            + CrashArchive.KEPT + " are kept)")
    boolean keepCrash;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "kill the kernel after this long (default ${DEFAULT-VALUE})")
    int timeoutSeconds = 3600;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROGRAM", description = "program name (see --list)")
    String program;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "program arguments")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        ProgramCatalog catalog = catalog();
        if (list) {
            catalog.programs().forEach((name, e) -> System.out.printf("%-20s %s%n", name, e.description()));
            return 0;
        }
        if (program == null) {
            throw new UserError("run: which program? (./mpk run --list shows them)");
        }
        if (catalog.find(program).isEmpty()) {
            throw new UserError("run: unknown program '" + program + "'; known: " + String.join(", ", catalog.programs().keySet()));
        }
        if (timeoutSeconds < 1) {
            throw new UserError("run: --timeout must be at least 1 second, got " + timeoutSeconds);
        }
        if (repeat < 1) {
            throw new UserError("run: --repeat must be at least 1, got " + repeat);
        }
        Backend b = backend != null ? parseBackend(backend) : qemu || Pku.probe().available() ? Backend.MPK : Backend.MPROTECT;
        for (String h : hostFiles) {
            int eq = h.indexOf('=');
            if (eq <= 0 || !Files.isRegularFile(Path.of(h.substring(eq + 1)))) {
                throw new UserError("run: --host-file wants NAME=PATH with an existing file, got '" + h + "'");
            }
        }
        Set<OptionalDomain> optional = EnumSet.noneOf(OptionalDomain.class);
        for (String d : domains) {
            try {
                optional.add(OptionalDomain.parse(d));
            } catch (IllegalArgumentException e) {
                throw new UserError("run: " + e.getMessage());
            }
        }
        KernelLaunch.Net network = network();
        if (qemu) {
            return inGuest(b);
        }
        return runChild(b, optional, network);
    }

    /** The programs on the kernel's module path, read from class files: no program code runs here. */
    static ProgramCatalog catalog() {
        try {
            return ProgramCatalog.onModulePath(Launch.modulePath());
        } catch (IllegalStateException e) {
            throw new UserError("run: " + e.getMessage());
        }
    }

    static Backend parseBackend(String name) {
        try {
            return Backend.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The network {@code --net} asks for, checked. */
    private KernelLaunch.Net network() {
        if (net == null) {
            return KernelLaunch.Net.NONE;
        }
        return switch (net) {
            case "loop" -> KernelLaunch.Net.LOOP;
            case "tap" -> {
                if (!qemu) {
                    NetNamespace.unavailableReason().ifPresent(r -> {
                        throw new UserError("run: " + r);
                    });
                }
                yield KernelLaunch.Net.TAP;
            }
            default -> throw new UserError("run: --net takes tap or loop, got '" + net + "'");
        };
    }

    private int runChild(Backend b, Set<OptionalDomain> optional, KernelLaunch.Net network) {
        KernelLaunch launch = KernelLaunch.of(b, Launch.modulePath(), program, args).domains(optional).inject(inject).repeat(0, repeat)
                .strict(strict).net(network).timeout(Duration.ofSeconds(timeoutSeconds)).echoTo(System.out);
        if (bootTrace) {
            launch.jvmArgs(List.of("-Dmpkernel.bootTrace=true"));
        }
        for (String h : hostFiles) {
            int eq = h.indexOf('=');
            launch.hostFile(h.substring(0, eq), Path.of(h.substring(eq + 1)));
        }
        List<String> problems = launch.problems();
        if (!problems.isEmpty()) {
            throw new UserError("run: " + String.join("; ", problems));
        }
        if (PkuGuest.insideGuest()) {
            System.err.println("mpk: starting the " + b.cliName() + " kernel JVM (15-40 s under TCG)...");
        }
        KernelOutcome o;
        try {
            o = launch.run();
        } catch (IllegalStateException e) {
            throw new UserError("run: cannot set up the network: " + e.getMessage());
        }
        if (o.reports().forged() > 0) {
            System.out.println("note: " + o.reports().forged() + " line(s) looked like kernel reports but were not signed by this run's kernel");
        }
        return switch (o.verdict()) {
            case COMPLETED -> completed(o);
            case PROTECTION_FAULT -> {
                keepCrash(b, o);
                System.out.println(o.protectionFaultLine());
                yield ISOLATION_FAULT;
            }
            case CRASHED -> {
                keepCrash(b, o);
                CrashReport c = o.fate().crash().orElseThrow();
                System.out.printf("CRASH: the kernel JVM died of %s (%s) at 0x%x outside every domain%n", c.signal(), c.siCodeName(), c.siAddr());
                yield 1;
            }
            case TIMEOUT -> {
                System.out.println("TIMEOUT: the kernel was killed after " + timeoutSeconds + " s");
                yield 1;
            }
            case BOOT_FAILED -> Main.USAGE;
            case NO_REPORT -> {
                System.out.println("NO VERDICT: the kernel process ended (exit status " + o.fate().exitCode()
                        + ") without its signed end-of-run report; the program stopped it, or something did");
                yield NO_VERDICT;
            }
        };
    }

    private void keepCrash(Backend b, KernelOutcome o) {
        if (keepCrash) {
            Path file = CrashArchive.under(ResultsDir.base(null)).keep(program, b.cliName(), o.fate().stderr());
            System.out.println("crash report: " + file);
        }
    }

    private int completed(KernelOutcome o) {
        KernelReport.End end = o.end().orElseThrow();
        KernelReport.Run run = o.lastRun().orElseThrow();
        if (stats) {
            System.out.printf("mpk: %s finished with status %d; gate crossings: user->kernel %d, kernel->unsafe %d, kernel->driver %d%n",
                    program, run.status(), run.syscalls(), run.unsafeCalls(), run.driverCalls());
        }
        if (o.leaked()) {
            System.out.println("kernel secret: LEAKED: the program's output holds the kernel secret");
        }
        if (!end.intact()) {
            System.out.println("kernel integrity: CORRUPTED: " + String.join("; ", end.problems()));
        }
        return o.leaked() || !end.intact() ? KERNEL_COMPROMISED : run.status();
    }

    private int inGuest(Backend b) {
        if (PkuGuest.insideGuest()) {
            throw new UserError("run: --qemu given inside the PKU guest already");
        }
        PkuGuest.unavailableReason().ifPresent(r -> {
            throw new UserError("run: --qemu needs the PKU guest: " + r);
        });
        List<String> cmd = new ArrayList<>(List.of(PkuGuest.projectRoot().resolve("mpk").toString(), "run", "--backend", b.cliName()));
        hostFiles.forEach(h -> cmd.addAll(List.of("--host-file", h)));
        if (keepCrash) {
            cmd.add("--keep-crash");
        }
        if (stats) {
            cmd.add("--stats");
        }
        if (bootTrace) {
            cmd.add("--boot-trace");
        }
        if (strict) {
            cmd.add("--strict");
        }
        cmd.addAll(List.of("--repeat", Integer.toString(repeat)));
        if (!domains.isEmpty()) {
            cmd.addAll(List.of("--domains", String.join(",", domains)));
        }
        if (net != null) {
            cmd.addAll(List.of("--net", net));
        }
        if (!inject.isEmpty()) {
            cmd.addAll(List.of("--inject", inject));
        }
        cmd.add(program);
        cmd.addAll(args);
        try {
            Process p = PkuGuest.interactive(new ProcessBuilder(PkuGuest.wrap(cmd))).inheritIO().start();
            return p.waitFor();
        } catch (java.io.IOException e) {
            throw new UserError("run: cannot start the PKU guest: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
