package mpkernel.attacks;

import java.util.List;

import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code attack-constructor}: program code that is not {@code main}. The first run only learns
 * where the secret is; from the second run on (one kernel, {@code ./mpk run --repeat 2}) the
 * program's constructor reads it. A kernel that constructs programs outside the user gate (as
 * it once did, on its boot thread with every key) hands the constructor its own rights.
 */
@Program(name = "attack-constructor", description = "ATTACK: the program's constructor reads the kernel secret (use --repeat 2)")
public final class AttackConstructor implements UserProgram {

    /** Where the secret is, once a run has read /proc/layout; survives between runs of one kernel. */
    private static volatile long secret;

    /** Constructs the program, and steals the secret when it already knows where it is. */
    public AttackConstructor() {
        if (secret != 0) {
            System.out.println("attack-constructor: reading the secret in the constructor");
            System.out.println("stolen by the constructor: " + Steal.hex(secret, 32));
        }
    }

    @Override
    public int main(Sys sys, List<String> args) {
        secret = ProcLayout.read(sys).address("secret");
        sys.write(Sys.STDOUT, "attack-constructor: armed\n");
        return 0;
    }
}
