package mpkernel.user.programs;

import java.util.List;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/** {@code hello}: greets through the console and reports its pid, proving a full syscall round trip. */
@Program(name = "hello", description = "print a greeting through the virtio console")
public final class Hello implements UserProgram {

    @Override
    public int main(Sys sys, List<String> args) {
        String who = args.isEmpty() ? "world" : String.join(" ", args);
        sys.write(Sys.STDOUT, "Hello, " + who + ", from pid " + sys.getpid() + " on mpkernel!\n");
        return 0;
    }
}
