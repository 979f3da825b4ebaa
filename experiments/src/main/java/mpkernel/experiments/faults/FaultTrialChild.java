package mpkernel.experiments.faults;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import mpkernel.isolation.Backend;
import mpkernel.kernel.boot.Kernel;
import mpkernel.kernel.boot.KernelConfig;

/**
 * One trial in its own JVM: boots a kernel, arms kernel-internal faults, runs
 * {@code fault-workload}, then classifies what it can see from inside: a leaked secret, a
 * changed kernel digest or a failed allocator audit, a Java exception, output unlike the golden
 * run. A protection fault never gets here: it kills this JVM, and the parent reads hs_err.
 *
 * <p>Arguments: {@code BACKEND SEED TRIAL MODEL TARGET PARAM GOLDEN} ({@code GOLDEN} is the
 * golden output's SHA-256, or {@code -}). Prints {@code OUTPUT-HASH h} and {@code OUTCOME X detail}.
 */
public final class FaultTrialChild {

    private FaultTrialChild() {
    }

    public static void main(String[] a) throws Exception {
        Backend backend = Backend.parse(a[0]);
        long seed = Long.parseLong(a[1]);
        int trial = Integer.parseInt(a[2]);
        String model = a[3];
        String target = a[4];
        long param = Long.parseLong(a[5]);
        String golden = a[6];
        boolean driverDomain = a.length > 7 && a[7].equals("driver");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Kernel kernel = Kernel.boot(KernelConfig.defaults(backend).withConsole(console).withUserBytes(256L << 20)
                .withSecretSeed(seed * 31 + trial)
                .withDomains(driverDomain ? List.of(mpkernel.kernel.boot.OptionalDomain.DRIVER) : List.of()))) {
            String before = kernel.integrityDigest();
            if (model.equals("descriptor-bitflip")) {
                kernel.faultHooks().flipConsoleDescriptorBit((int) Math.floorMod(param, 3), (int) Math.floorMod(param >>> 8, 48));
            }
            int status = kernel.run("fault-workload", List.of("--seed", Long.toString(seed), "--model", model, "--target", target,
                    "--param", Long.toString(param)));
            String output = console.toString(StandardCharsets.UTF_8);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(output.getBytes(StandardCharsets.UTF_8)));
            System.out.println("OUTPUT-HASH " + hash);
            String secret = HexFormat.of().formatHex(kernel.secret());
            String after = kernel.integrityDigest();
            String audit = kernel.audit();
            String outcome;
            String detail;
            if (output.contains(secret)) {
                outcome = "SECRET_LEAKED";
                detail = "the kernel secret is in the output";
            } else if (!before.equals(after) || audit != null) {
                outcome = "SILENT_KERNEL_CORRUPTION";
                detail = !before.equals(after) ? "kernel digest changed" : "allocator audit: " + audit;
            } else if (kernel.lastTermination().isPresent()) {
                outcome = "CAUGHT_BY_JAVA";
                detail = kernel.lastTermination().get().getClass().getSimpleName();
            } else if (status != 0) {
                outcome = "CAUGHT_BY_JAVA";
                detail = "exit status " + status;
            } else if (!golden.equals("-") && !golden.equals(hash)) {
                outcome = "WRONG_OUTPUT";
                detail = kernel.consoleBadFrames() > 0 ? "console device dropped " + kernel.consoleBadFrames() + " frame(s)" : "output differs";
            } else {
                outcome = "BENIGN";
                detail = "-";
            }
            System.out.println("OUTCOME " + outcome + " " + detail.replace(',', ';'));
        }
        System.out.flush();
        System.exit(0);
    }
}
