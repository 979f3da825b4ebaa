package mpkernel.kernel.api;

import java.util.List;

/**
 * A program the kernel can run, found by {@link #name()} through {@link java.util.ServiceLoader}
 * ({@code provides mpkernel.kernel.api.UserProgram with ...} in the program's module). It runs
 * in domain {@code USER}; its {@code main} is entered through a gate.
 */
public interface UserProgram {

    /** The name {@code ./mpk run NAME} knows it by, e.g. {@code npb-cg}. */
    String name();

    /** One line for {@code ./mpk run --list}. */
    String description();

    /**
     * Runs the program.
     *
     * @param sys the system-call handle of this program's task
     * @param args its command-line arguments (without the program name)
     * @return the exit status: 0 for success
     */
    int main(Sys sys, List<String> args);
}
