package mpkernel.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import mpkernel.isolation.Backend;
import mpkernel.isolation.IsolationUnavailableException;
import mpkernel.kernel.boot.Kernel;
import mpkernel.kernel.boot.KernelConfig;

/**
 * The kernel process that {@code ./mpk run} starts: boots a kernel, runs one program, checks the
 * safe kernel's integrity digest around the run, exits with the program's status. A protection
 * fault kills this JVM instead; the parent reads that from its hs_err file.
 *
 * <p>Arguments: {@code BACKEND PROGRAM [ARGS...]}; host files in the system property
 * {@code mpk.hostFiles} as {@code NAME=PATH;NAME=PATH}.
 */
public final class BootChild {

    /** Exit status when the kernel cannot boot or the program does not exist. */
    static final int BOOT_FAILED = 2;

    private BootChild() {
    }

    public static void main(String[] args) {
        Backend backend = Backend.parse(args[0]);
        String program = args[1];
        List<String> programArgs = Arrays.asList(args).subList(2, args.length);
        KernelConfig config = KernelConfig.defaults(backend);
        for (String d : System.getProperty("mpk.domains", "").split(",")) {
            if (!d.isBlank()) {
                config = config.withDomains(java.util.List.of(mpkernel.kernel.boot.OptionalDomain.parse(d)));
            }
        }
        String hostFiles = System.getProperty("mpk.hostFiles", "");
        for (String entry : hostFiles.split(";")) {
            if (!entry.isBlank()) {
                int eq = entry.indexOf('=');
                config = config.withHostFile(entry.substring(0, eq), Path.of(entry.substring(eq + 1)));
            }
        }
        int status;
        try (Kernel kernel = Kernel.boot(config)) {
            String before = kernel.integrityDigest();
            if (System.getProperty("mpk.inject", "").equals("vault-bypass")) {
                System.out.println("injected kernel bug: the safe kernel reads the secret without the vault's gate");
                System.out.flush();
                kernel.faultHooks().readSecretBypassingTheVault();
                System.out.println("the safe kernel read the secret directly");
            }
            status = kernel.run(program, programArgs);
            String after = kernel.integrityDigest();
            System.out.flush();
            if (!before.equals(after)) {
                System.err.println("kernel integrity: CORRUPTED: the safe kernel's state digest changed during the run ("
                        + before.substring(0, 16) + " -> " + after.substring(0, 16) + ")");
            }
            String damage = kernel.audit();
            if (damage != null) {
                System.err.println("kernel integrity: CORRUPTED allocator: " + damage);
            }
            if (Boolean.getBoolean("mpk.stats")) {
                System.err.printf("mpk: %s finished with status %d; gate crossings: user->kernel %d, kernel->unsafe %d%s%n",
                        program, status, kernel.syscallGate().crossings(), kernel.unsafeGate().crossings(),
                        kernel.driverGate() == kernel.unsafeGate() ? "" : ", kernel->driver " + kernel.driverGate().crossings());
            }
        } catch (IsolationUnavailableException | IllegalArgumentException e) {
            System.err.println("mpk: " + e.getMessage());
            status = BOOT_FAILED;
        }
        System.exit(status);
    }
}
