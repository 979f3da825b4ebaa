package mpkernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import mpkernel.isolation.Backend;
import mpkernel.isolation.Pku;
import mpkernel.isolation.fault.ChildJvm;
import mpkernel.isolation.fault.CrashReport;
import mpkernel.isolation.fault.Fate;
import mpkernel.isolation.fault.PkuGuest;
import mpkernel.kernel.boot.Kernel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./mpk run PROGRAM}: boots a fresh kernel in a child JVM, runs the program, and reports
 * how it ended. Exit status: the program's own (0 = completed), 2 for bad usage, 3 when
 * isolation stopped it, with a last line that starts with {@code PROTECTION FAULT}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a user program on a freshly booted kernel.",
        footer = {"", "Exit status: the program's (0 = completed), 2 bad usage, 3 stopped by isolation (PROTECTION FAULT)."})
final class RunCommand implements Callable<Integer> {

    /** Exit status when isolation stopped the program. */
    static final int ISOLATION_FAULT = 3;

    @Option(names = "--backend", paramLabel = "none|mpk|mprotect",
            description = "isolation backend (default: mpk where PKU exists, else mprotect)")
    String backend;

    @Option(names = "--qemu", description = "run inside the PKU guest (default backend there: mpk)")
    boolean qemu;

    @Option(names = "--host-file", paramLabel = "NAME=PATH", description = "expose a host file read-only as /host/NAME")
    List<String> hostFiles = new ArrayList<>();

    @Option(names = "--domains", split = ",", paramLabel = "driver,vault",
            description = "optional domains to add to the paper's three: driver (the drivers in their own domain), vault (the secret in its own)")
    List<String> domains = new ArrayList<>();

    @Option(names = "--inject", hidden = true, description = "inject a kernel bug before the program: vault-bypass")
    String inject = "";

    @Option(names = "--list", description = "list the programs and exit")
    boolean list;

    @Option(names = "--stats", description = "print gate crossings at the end")
    boolean stats;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "kill the kernel after this long (default ${DEFAULT-VALUE})")
    int timeoutSeconds = 3600;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROGRAM", description = "program name (see --list)")
    String program;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "program arguments")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Map<String, String> programs = Kernel.programs();
        if (list) {
            programs.forEach((name, what) -> System.out.printf("%-20s %s%n", name, what));
            return 0;
        }
        if (program == null) {
            throw new UserError("run: which program? (./mpk run --list shows them)");
        }
        if (!programs.containsKey(program)) {
            throw new UserError("run: unknown program '" + program + "'; known: " + String.join(", ", programs.keySet()));
        }
        Backend b = backend != null ? parseBackend(backend) : qemu || Pku.probe().available() ? Backend.MPK : Backend.MPROTECT;
        for (String h : hostFiles) {
            int eq = h.indexOf('=');
            if (eq <= 0 || !Files.isRegularFile(Path.of(h.substring(eq + 1)))) {
                throw new UserError("run: --host-file wants NAME=PATH with an existing file, got '" + h + "'");
            }
        }
        for (String d : domains) {
            try {
                mpkernel.kernel.boot.OptionalDomain.parse(d);
            } catch (IllegalArgumentException e) {
                throw new UserError("run: " + e.getMessage());
            }
        }
        if (qemu) {
            return inGuest(b);
        }
        return runChild(b);
    }

    static Backend parseBackend(String name) {
        try {
            return Backend.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private int runChild(Backend b) {
        List<String> jvm = new ArrayList<>(Launch.kernelJvmOptions());
        List<String> abs = hostFiles.stream().map(h -> {
            int eq = h.indexOf('=');
            return h.substring(0, eq) + "=" + Path.of(h.substring(eq + 1)).toAbsolutePath();
        }).toList();
        jvm.add("-Dmpk.hostFiles=" + String.join(";", abs));
        jvm.add("-Dmpk.stats=" + stats);
        jvm.add("-Dmpk.domains=" + String.join(",", domains));
        jvm.add("-Dmpk.inject=" + inject);
        List<String> childArgs = new ArrayList<>(List.of(b.cliName(), program));
        childArgs.addAll(args);
        Fate fate = Launch.kernelChild(BootChild.class.getName())
                .jvmArgs(jvm).args(childArgs).echoTo(System.out)
                .timeout(Duration.ofSeconds(timeoutSeconds)).run();
        return switch (fate.kind()) {
            case COMPLETED, FAILED -> fate.exitCode();
            case PROTECTION_FAULT -> {
                System.out.println(protectionFaultLine(fate, b));
                yield ISOLATION_FAULT;
            }
            case CRASHED -> {
                CrashReport c = fate.crash().orElseThrow();
                System.out.printf("CRASH: the kernel JVM died of %s (%s) at 0x%x outside every domain; see %s%n",
                        c.signal(), c.siCodeName(), c.siAddr(), fate.hsErrFile().map(Path::toString).orElse("?"));
                yield 1;
            }
            case TIMEOUT -> {
                System.out.println("TIMEOUT: the kernel was killed after " + timeoutSeconds + " s");
                yield 1;
            }
        };
    }

    /** The last line of a run that isolation stopped. */
    static String protectionFaultLine(Fate fate, Backend b) {
        CrashReport c = fate.crash().orElseThrow();
        return String.format("PROTECTION FAULT: domain %s accessed %s memory at 0x%x (%s, backend %s)",
                fate.runningDomain().orElse("unknown"), fate.violatedRegion().orElseThrow().domain(), c.siAddr(),
                c.siCodeName(), b.cliName());
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
        if (stats) {
            cmd.add("--stats");
        }
        if (!domains.isEmpty()) {
            cmd.addAll(List.of("--domains", String.join(",", domains)));
        }
        cmd.add(program);
        cmd.addAll(args);
        try {
            Process p = PkuGuest.environment(new ProcessBuilder(PkuGuest.wrap(cmd))).inheritIO().start();
            return p.waitFor();
        } catch (java.io.IOException e) {
            throw new UserError("run: cannot start the PKU guest: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
