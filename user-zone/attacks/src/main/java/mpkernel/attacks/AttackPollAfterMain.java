package mpkernel.attacks;

import java.util.List;

import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code attack-poll-after-main}: a plain thread that waits for {@code main} to return and then
 * reads the secret, when no thread is inside any gate. Under {@code mprotect} the regions' page
 * protection is process-wide: a backend that opens everything when no thread is in a gate hands
 * it the kernel.
 */
@Program(name = "attack-poll-after-main", description = "ATTACK: a thread reads the kernel secret after main has returned")
public final class AttackPollAfterMain implements UserProgram {

    @Override
    public int main(Sys sys, List<String> args) {
        long secret = ProcLayout.read(sys).address("secret");
        Thread main = Thread.currentThread();
        Thread poller = new Thread(() -> {
            try {
                main.join();
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("stolen after main returned: " + Steal.hex(secret, 32));
        }, "poller");
        poller.start();
        sys.write(Sys.STDOUT, "attack-poll-after-main: returning from main\n");
        return 0;
    }
}
