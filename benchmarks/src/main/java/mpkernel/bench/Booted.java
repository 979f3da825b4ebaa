package mpkernel.bench;

import java.io.OutputStream;

import mpkernel.isolation.Backend;
import mpkernel.isolation.Domain;
import mpkernel.isolation.Gate;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.boot.Kernel;
import mpkernel.kernel.boot.KernelConfig;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A kernel booted on one backend for one trial, shared by the benchmark's thread.
 *
 * <p>Each backend is a JMH parameter, so it runs in forks of its own: a JVM sees one gate
 * class only and the JIT folds the backend choice away, as in a kernel that chose it at boot.
 * The default list is what runs on any x86-64 Linux host; {@code mpk} (real WRPKRU) is named
 * with {@code -p backend=mpk} where the CPU has PKU, which {@code ./mpk bench} does by itself;
 * inside the QEMU guest only with {@code --emulated}, whose timings are emulation artefacts.
 */
@State(Scope.Benchmark)
public class Booted {

    /** The isolation backend, by its command-line name. */
    @Param({"none", "mpk-dry", "mprotect"})
    public String backend;

    Kernel kernel;
    Sys sys;
    Gate user;
    Gate unsafe;

    @Setup(Level.Trial)
    public void boot() {
        kernel = Kernel.boot(KernelConfig.defaults(Backend.parse(backend))
                .withConsole(OutputStream.nullOutputStream()).withSecretSeed(1));
        sys = kernel.sys();
        user = kernel.isolation().gate(Domain.USER);
        unsafe = kernel.unsafeGate();
    }

    @TearDown(Level.Trial)
    public void shutdown() {
        kernel.close();
    }
}
