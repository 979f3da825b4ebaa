package mpkernel.user.programs;

import java.util.List;

import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/** {@code hello}: greets through the console and reports its pid, proving a full syscall round trip. */
public final class Hello implements UserProgram {

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public String description() {
        return "print a greeting through the virtio console";
    }

    @Override
    public int main(Sys sys, List<String> args) {
        String who = args.isEmpty() ? "world" : String.join(" ", args);
        sys.write(Sys.STDOUT, "Hello, " + who + ", from pid " + sys.getpid() + " on mpkernel!\n");
        return 0;
    }
}
