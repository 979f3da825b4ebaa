package mpkernel.user.programs;

import java.lang.foreign.MemorySegment;
import java.util.List;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code confinement-probe}: tries the two escapes JPMS must stop for a user module without
 * native access, and reports each as {@code denied} or {@code ALLOWED}: a restricted FFM method
 * ({@code reinterpret}, which would let it forge a pointer into the kernel) and reflective
 * access to a kernel package that is not exported.
 */
@Program(name = "confinement-probe", description = "check that JPMS denies this user module restricted FFM methods and kernel internals")
public final class ConfinementProbe implements UserProgram {

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
        sys.write(Sys.STDOUT, report.toString());
        return report.indexOf("ALLOWED") < 0 ? 0 : 1;
    }
}
