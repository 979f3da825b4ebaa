package mpkernel.attacks;

import java.util.List;

import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code attack-inherited-rights}: threads started where the program's code first runs (its
 * class initialiser) read the secret once {@code main} has said where it is: a platform thread
 * and a virtual thread (whose carrier the JDK starts). Linux copies PKRU to a new thread; if that
 * code ran with kernel rights, so would the threads, for ever.
 */
@Program(name = "attack-inherited-rights", description = "ATTACK: threads started by the program's class initialiser read the kernel secret later")
public final class AttackInheritedRights implements UserProgram {

    private static volatile long secret;
    private static final Thread PLATFORM = Thread.ofPlatform().name("early-platform").start(() -> steal("platform thread"));
    private static final Thread VIRTUAL = Thread.ofVirtual().name("early-virtual").start(() -> steal("virtual thread"));

    private static void steal(String who) {
        while (secret == 0) {
            Thread.onSpinWait();
        }
        System.out.println("stolen by a " + who + " born early: " + Steal.hex(secret, 32));
    }

    @Override
    public int main(Sys sys, List<String> args) {
        sys.write(Sys.STDOUT, "attack-inherited-rights: telling the early threads where the secret is\n");
        secret = ProcLayout.read(sys).address("secret");
        try {
            PLATFORM.join();
            VIRTUAL.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
