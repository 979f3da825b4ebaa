package mpkernel.user.programs;

import java.util.ArrayList;
import java.util.List;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code attack-syscalls}: system calls at the edges of their semantics, each of which once did
 * damage: truncating the read-only {@code /proc/layout} through {@code O_RDONLY|O_TRUNC}, and
 * {@code calloc(1, Long.MAX_VALUE)}, whose size, rounded up, wrapped to a tiny block that the
 * kernel then had the unsafe kernel zero for {@code Long.MAX_VALUE} bytes. Prints what each
 * call did; exit status 0 when every one was refused.
 */
@Program(name = "attack-syscalls", description = "ATTACK: system calls at the edges (O_TRUNC on a read-only file, calloc overflow)")
public final class AttackSyscalls implements UserProgram {

    @Override
    public int main(Sys sys, List<String> args) {
        List<String> accepted = new ArrayList<>();
        try {
            sys.close(sys.open("/proc/layout", Sys.O_RDONLY | Sys.O_TRUNC));
            accepted.add("O_TRUNC on /proc/layout (now " + sys.stat("/proc/layout").size() + " bytes)");
        } catch (SysError e) {
            sys.write(Sys.STDOUT, "O_RDONLY|O_TRUNC on /proc/layout: refused, " + e.errno() + "\n");
        }
        var big = sys.malloc(64L << 20);
        try {
            var block = sys.calloc(1, Long.MAX_VALUE);
            accepted.add("calloc(1, Long.MAX_VALUE) gave " + block.byteSize() + " bytes");
        } catch (SysError e) {
            sys.write(Sys.STDOUT, "calloc(1, Long.MAX_VALUE): refused, " + e.errno() + "\n");
        } finally {
            sys.free(big);
        }
        for (String a : accepted) {
            sys.write(Sys.STDOUT, "ACCEPTED: " + a + "\n");
        }
        return accepted.isEmpty() ? 0 : 1;
    }
}
