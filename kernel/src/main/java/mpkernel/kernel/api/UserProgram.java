package mpkernel.kernel.api;

import java.util.List;

/**
 * A program the kernel can run. Its module declares it
 * ({@code provides mpkernel.kernel.api.UserProgram with ...}) and its class carries
 * {@link Program @Program(name, description)}; it needs a public constructor without
 * arguments. The kernel constructs it and calls {@link #main} on a task of its own, inside the
 * gate into domain {@code USER}.
 *
 * <p>A program module may provide nothing but {@code UserProgram}s and may read only
 * {@code java.base}, {@code java.logging}, {@code mpkernel.kernel} and
 * {@code mpkernel.annotations}: the kernel refuses to boot it otherwise, because a JDK service it
 * provided, or a JDK module it read, could run its code inside the kernel or open a path around
 * the isolation.
 */
public interface UserProgram {

    /**
     * Runs the program.
     *
     * @param sys the system-call handle of this program's task
     * @param args its command-line arguments (without the program name)
     * @return the exit status: 0 for success
     */
    int main(Sys sys, List<String> args);
}
