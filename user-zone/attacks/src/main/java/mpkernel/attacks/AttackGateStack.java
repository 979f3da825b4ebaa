package mpkernel.attacks;

import java.util.List;

import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code attack-gate-stack}: makes system calls with the stack all but exhausted, so that gate
 * entries overflow it midway, swallows every {@code StackOverflowError}, then reads the secret.
 * A gate whose failed entry leaves bookkeeping behind (a frame, a thread count) later
 * "restores" rights it never saved, and the program keeps them.
 */
@Program(name = "attack-gate-stack", description = "ATTACK: system calls at the end of the stack, then a direct read of the kernel secret")
public final class AttackGateStack implements UserProgram {

    private static int overflows;

    @Override
    public int main(Sys sys, List<String> args) {
        long secret = ProcLayout.read(sys).address("secret");
        for (int round = 0; round < 20; round++) {
            dive(sys, 0);
        }
        sys.write(Sys.STDOUT, "attack-gate-stack: " + overflows + " stack overflows swallowed; reading the secret\n");
        sys.write(Sys.STDOUT, "stolen after the overflows: " + Steal.hex(secret, 32) + "\n");
        return 0;
    }

    /** Recurses until the stack runs out, then makes system calls on the way back up. */
    private static void dive(Sys sys, int depth) {
        try {
            dive(sys, depth + 1);
        } catch (StackOverflowError e) {
            overflows++;
        }
        if (depth % 4 == 0) {
            try {
                sys.getpid();
            } catch (StackOverflowError e) {
                overflows++;
            }
        }
    }
}
