package mpkernel.experiments.overhead;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import mpkernel.isolation.Backend;
import mpkernel.kernel.boot.Kernel;
import mpkernel.kernel.boot.KernelConfig;

/**
 * One fork of the overhead experiment, in its own JVM: boots a kernel on a backend, runs the
 * program {@code warmups} times unmeasured and {@code measured} times measured, each on the same
 * kernel (so the JIT reaches steady state), and prints one {@link Iteration} line per run.
 *
 * <p>Arguments: {@code BACKEND WARMUPS MEASURED PROGRAM [ARGS...]}. Exit status 0, or 1 if a run
 * failed (its output goes to stderr).
 */
public final class OverheadChild {

    private OverheadChild() {
    }

    public static void main(String[] args) {
        Backend backend = Backend.parse(args[0]);
        int warmups = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        String program = args[3];
        List<String> programArgs = Arrays.asList(args).subList(4, args.length);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Kernel kernel = Kernel.boot(KernelConfig.defaults(backend).withConsole(console))) {
            for (int i = 0; i < warmups + measured; i++) {
                console.reset();
                long sys0 = kernel.syscallGate().crossings();
                long unsafe0 = kernel.unsafeGate().crossings();
                long t0 = System.nanoTime();
                int status = kernel.run(program, programArgs);
                double wall = (System.nanoTime() - t0) / 1e9;
                // the console device writes asynchronously: wait until the report has arrived
                String out = awaitResult(console);
                if (status != 0 && status != 1) {
                    System.err.print(out);
                    System.err.println("mpk: " + program + " exited with status " + status);
                    System.exit(1);
                }
                double[] r = Iteration.parseResult(out);
                Iteration it = new Iteration(i < warmups, r[0], r[1] == 1 && status == 0,
                        kernel.syscallGate().crossings() - sys0, kernel.unsafeGate().crossings() - unsafe0, wall);
                System.out.println(it.line());
                System.out.flush();
            }
        }
        System.exit(0);
    }

    private static String awaitResult(ByteArrayOutputStream console) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            String out = console.toString(StandardCharsets.UTF_8);
            if (out.contains("MPK-RESULT") && out.endsWith("\n") || System.nanoTime() > deadline) {
                return out;
            }
            Thread.onSpinWait();
        }
    }
}
