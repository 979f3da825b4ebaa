package mpkernel.kernel.boot;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mpkernel.isolation.Backend;
import mpkernel.isolation.IsolationUnavailableException;

/**
 * A JVM that is one kernel: the process every launcher command ({@code ./mpk run}, the fault
 * trials, the overhead forks) starts. It boots a kernel confined for its whole life (for the
 * real backends), runs one program once or several times, and tells its parent what happened
 * through signed {@link KernelReport reports}; a protection fault kills it instead, and the
 * parent reads its crash report.
 *
 * <p>Usage: {@code KernelProcess --backend B [--base ADDR] [--domains driver,vault,per-task]
 * [--host-file NAME=PATH]... [--user-bytes N] [--repeat WARMUPS:MEASURED] [--capture-console]
 * [--net tap:INTERFACE|loop] [--net-label LABEL]
 * [--inject vault-bypass|bitflip:AFTER:BIT|net-tx:TARGET] [--strict] PROGRAM [ARGS...]}; the
 * report token and the secret come on standard input ({@link ReportChannel}). With a network,
 * the kernel prints one line {@code net: LABEL, guest ADDR, host ADDR[, port N]} on its
 * standard output when the program first listens or connects. Exit status: the last run's
 * status; 2 for bad usage or a kernel that cannot boot.
 */
public final class KernelProcess {

    private static final Pattern RESULT = Pattern.compile("MPK-RESULT [^\n]*");

    private KernelProcess() {
    }

    public static void main(String[] args) {
        BootTrace.main();
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
        CapturedConsole captured = o.captureConsole ? new CapturedConsole() : null;
        OutputStream console = captured != null ? captured : new FileOutputStream(FileDescriptor.out);
        KernelConfig config = KernelConfig.defaults(o.backend).withConsole(console).withUserBytes(o.userBytes)
                .withDomains(o.domains).withBase(o.base).asProcess(o.strict);
        for (String[] h : o.hostFiles) {
            config = config.withHostFile(h[0], Path.of(h[1]));
        }
        config = config.withNet(o.network());
        Kernel kernel;
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            ProgramCatalog.Entry entry = ProgramCatalog.ofThisJvm().find(o.program).orElseThrow(() ->
                    new IllegalArgumentException("unknown program '" + o.program + "'"));
            List<String> problems = entry.module() == null ? List.of() : ProgramCatalog.ofThisJvm().problems(entry.module());
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            BootTrace.mark("catalog");
            kernel = Kernel.boot(config);
        } catch (IsolationUnavailableException | IllegalArgumentException | IllegalStateException | NoSuchAlgorithmException e) {
            throw fail(e.getMessage());
        }
        err("mpk: " + o.backend.cliName() + " kernel, " + kernel.confinement());
        o.inject(kernel);
        int status = 0;
        for (int i = 0; i < o.warmups + o.measured; i++) {
            if (captured != null) {
                captured.reset();
            }
            long sys0 = kernel.syscallGate().crossings();
            long unsafe0 = kernel.unsafeGate().crossings();
            long driver0 = kernel.driverGate().crossings();
            long t0 = System.nanoTime();
            status = kernel.run(o.program, o.programArgs);
            double wall = (System.nanoTime() - t0) / 1e9;
            String hash = "";
            String result = "";
            boolean leaked = false;
            if (captured != null) {
                byte[] out = captured.toByteArray();
                leaked = kernel.leaks(out);
                hash = HexFormat.of().formatHex(sha256.digest(out));
                Matcher m = RESULT.matcher(new String(out, StandardCharsets.UTF_8));
                while (m.find()) {
                    result = m.group();
                }
            }
            kernel.report(new KernelReport.Run(i, i < o.warmups, status, kernel.lastTermination().orElse(""), wall,
                    kernel.syscallGate().crossings() - sys0, kernel.unsafeGate().crossings() - unsafe0,
                    kernel.driverGate().crossings() - driver0, hash, result, leaked).payload());
        }
        BootTrace.mark("runs");
        kernel.report(new KernelReport.End(kernel.integrity(), kernel.consoleBadFrames()).payload());
        if (BootTrace.ON) {
            BootTrace.mark("end");
            err(BootTrace.line());
        }
        // not System.exit: no shutdown hook a program registered runs after the kernel's last word
        Runtime.getRuntime().halt(status);
    }

    /** Writes one line to file descriptor 2 (not through {@code System.err}, which a program may replace). */
    private static void err(String line) {
        line(FileDescriptor.err, line);
    }

    private static void line(FileDescriptor fd, String line) {
        try {
            new FileOutputStream(fd).write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // nobody to tell
        }
    }

    private static Error fail(String message) {
        err("mpk: " + message);
        Runtime.getRuntime().halt(2);
        return new AssertionError("unreachable");
    }

    /** The console, kept in memory: what the reports hash and search. */
    private static final class CapturedConsole extends ByteArrayOutputStream {
    }

    /** The command line. */
    private static final class Options {
        Backend backend;
        long base;
        List<OptionalDomain> domains = new ArrayList<>();
        List<String[]> hostFiles = new ArrayList<>();
        long userBytes = 2L << 30;
        int warmups;
        int measured = 1;
        boolean captureConsole;
        String inject = "";
        String net = "";
        String netLabel = "";
        boolean strict;
        String program;
        List<String> programArgs = List.of();

        static Options parse(String[] args) {
            Options o = new Options();
            int i = 0;
            for (; i < args.length && args[i].startsWith("--"); i++) {
                String a = args[i];
                switch (a) {
                    case "--capture-console" -> o.captureConsole = true;
                    case "--strict" -> o.strict = true;
                    default -> {
                        if (i + 1 == args.length) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        String v = args[++i];
                        switch (a) {
                            case "--backend" -> o.backend = Backend.parse(v);
                            case "--base" -> o.base = Long.decode(v);
                            case "--domains" -> {
                                for (String d : v.split(",")) {
                                    if (!d.isBlank()) {
                                        o.domains.add(OptionalDomain.parse(d));
                                    }
                                }
                            }
                            case "--host-file" -> {
                                int eq = v.indexOf('=');
                                if (eq <= 0) {
                                    throw new IllegalArgumentException("--host-file wants NAME=PATH, got " + v);
                                }
                                o.hostFiles.add(new String[] {v.substring(0, eq), v.substring(eq + 1)});
                            }
                            case "--user-bytes" -> o.userBytes = Long.parseLong(v);
                            case "--repeat" -> {
                                String[] p = v.split(":");
                                o.warmups = Integer.parseInt(p[0]);
                                o.measured = Integer.parseInt(p[1]);
                                if (o.warmups < 0 || o.measured < 1) {
                                    throw new IllegalArgumentException("--repeat wants WARMUPS:MEASURED with MEASURED >= 1");
                                }
                            }
                            case "--inject" -> o.inject = v;
                            case "--net" -> o.net = v;
                            case "--net-label" -> o.netLabel = v;
                            default -> throw new IllegalArgumentException("unknown option " + a);
                        }
                    }
                }
            }
            if (o.backend == null) {
                throw new IllegalArgumentException("--backend is required");
            }
            if (i == args.length) {
                throw new IllegalArgumentException("which program?");
            }
            o.network();
            o.program = args[i];
            o.programArgs = List.of(args).subList(i + 1, args.length);
            return o;
        }

        /** The network {@code --net} names; its announcement goes to file descriptor 1. */
        NetSpec network() {
            java.util.function.Consumer<String> out = l -> line(FileDescriptor.out, l);
            if (net.isEmpty()) {
                return NetSpec.NONE;
            }
            if (net.equals("loop")) {
                return NetSpec.loop(out);
            }
            if (net.startsWith("tap:") && net.length() > 4) {
                return NetSpec.tap(net.substring(4), netLabel.isEmpty() ? "tap " + net.substring(4) : netLabel, out);
            }
            throw new IllegalArgumentException("--net wants tap:INTERFACE or loop, got " + net);
        }

        /** Injects the kernel bug {@code --inject} names, before the program runs. */
        void inject(Kernel kernel) {
            if (inject.equals("vault-bypass")) {
                err("mpk: injected kernel bug: the safe kernel reads the secret without the vault's gate");
                kernel.faultHooks().readSecretBypassingTheVault();
                err("mpk: the safe kernel read the secret directly");
            } else if (inject.startsWith("net-tx:")) {
                try {
                    kernel.faultHooks().misdirectNetTransmit(inject.substring("net-tx:".length()));
                } catch (IllegalArgumentException e) {
                    throw fail(e.getMessage());
                }
                err("mpk: injected driver bug: the network driver copies the next frame it sends to " + inject.substring(7));
            } else if (inject.startsWith("bitflip:")) {
                String[] p = inject.split(":");
                kernel.faultHooks().flipConsoleDescriptorBit(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            } else if (!inject.isEmpty()) {
                throw fail("unknown --inject " + inject);
            }
        }
    }
}
