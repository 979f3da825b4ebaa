package mpkernel.attacks;

import java.util.List;

import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code attack-tostring [task]}: an exception whose {@code getMessage()} reads the kernel
 * secret. The program lets it escape {@code main} (or, with {@code task}, a task it then joins),
 * so the kernel describes it: a kernel that formats a program's exception with its own rights
 * runs the program's code with them.
 */
@Program(name = "attack-tostring", description = "ATTACK: an exception whose message reads the kernel secret, thrown at the kernel [main|task]")
public final class AttackToString implements UserProgram {

    /** The exception: describing it reads the secret. */
    static final class Leaky extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient long secret;

        Leaky(long secret) {
            super(null, null, false, false);
            this.secret = secret;
        }

        @Override
        public String getMessage() {
            return "stolen while being described: " + Steal.hex(secret, 32);
        }
    }

    @Override
    public int main(Sys sys, List<String> args) {
        long secret = ProcLayout.read(sys).address("secret");
        if (args.contains("task")) {
            int tid = sys.threadSpawn(() -> {
                throw new Leaky(secret);
            });
            try {
                sys.threadJoin(tid);
            } catch (SysError e) {
                sys.write(Sys.STDOUT, "attack-tostring: the kernel said: " + e.getMessage() + "\n");
            }
            return 0;
        }
        sys.write(Sys.STDOUT, "attack-tostring: throwing at the kernel\n");
        throw new Leaky(secret);
    }
}
