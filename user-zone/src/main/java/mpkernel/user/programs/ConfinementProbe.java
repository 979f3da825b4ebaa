package mpkernel.user.programs;

import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code confinement-probe}: tries every door a user module without native access might use to
 * get around the isolation, and reports each as {@code denied} or {@code OPEN}: JPMS's (a
 * restricted FFM method, kernel internals, the isolation API itself, {@code sun.misc.Unsafe}, the
 * management API) and the OS's ({@code /proc/self/mem}, starting a process such as {@code jcmd} or
 * {@code gdb}, writing a file). Exit status 0 when every door is shut.
 */
@Program(name = "confinement-probe", description = "try each door around the isolation (JPMS, /proc/self/mem, processes, files); exit 0 if all are shut")
public final class ConfinementProbe implements UserProgram {

    private interface Door {
        void open() throws Exception;
    }

    @Override
    public int main(Sys sys, List<String> args) {
        StringBuilder report = new StringBuilder();
        try {
            MemorySegment.ofAddress(sys.malloc(8).address()).reinterpret(8);
            report.append("restricted-method: ALLOWED\n");
        } catch (IllegalCallerException e) {
            report.append("restricted-method: denied (IllegalCallerException)\n");
        }
        try {
            Class<?> internal = Class.forName("mpkernel.kernel.core.KernelCore");
            internal.getDeclaredMethod("getpid").setAccessible(true);
            report.append("kernel-internals: ALLOWED\n");
        } catch (ReflectiveOperationException | RuntimeException e) {
            report.append("kernel-internals: denied (").append(e.getClass().getSimpleName()).append(")\n");
        }
        door(report, "isolation-api", () -> {
            Class<?> iso = Class.forName("mpkernel.isolation.Isolation");
            java.lang.reflect.Method boot = java.util.Arrays.stream(iso.getMethods()).filter(m -> m.getName().equals("boot")).findFirst().orElseThrow();
            boot.setAccessible(true);
        });
        door(report, "sun-misc-unsafe", () -> Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe").setAccessible(true));
        door(report, "management-api", () -> Class.forName("java.lang.management.ManagementFactory"));
        door(report, "proc-self-mem", () -> new RandomAccessFile("/proc/self/mem", "r").close());
        door(report, "start-process", () -> new ProcessBuilder("true").start().waitFor());
        door(report, "write-host-file", () -> Files.deleteIfExists(Files.writeString(Files.createTempFile("mpk-probe", ".txt"), "x")));
        sys.write(Sys.STDOUT, report.toString());
        return report.indexOf("ALLOWED") < 0 && report.indexOf("OPEN") < 0 ? 0 : 1;
    }

    private static void door(StringBuilder report, String name, Door door) {
        try {
            door.open();
            report.append(name).append(": OPEN\n");
        } catch (Exception | LinkageError e) {
            report.append(name).append(": denied (").append(e.getClass().getSimpleName()).append(")\n");
        }
    }
}
