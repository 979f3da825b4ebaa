package mpkernel.kernel.boot;

import java.util.List;
import java.util.ServiceLoader;

import mpkernel.isolation.Domain;
import mpkernel.isolation.Gate;
import mpkernel.isolation.Isolation;
import mpkernel.kernel.api.ProgramExit;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;
import mpkernel.kernel.core.Termination;

/**
 * Runs one program on its main task: a thread whose rights outside gates are the user
 * domain's, which enters {@code USER} and only then loads, constructs and calls the program.
 * Every line of the program's code (static initialiser, constructor, {@code main}, the
 * {@code getMessage()} of what it throws) runs inside the user gate; the kernel keeps only an
 * exit status and a string.
 */
final class ProgramRunner {

    /**
     * How long the kernel waits, after a program's main task returns, for the threads the
     * program started to end, before it does anything else (its end-of-run checks open kernel
     * memory under {@code mprotect}). Like {@code exit}, it does not wait for them beyond that.
     */
    static final long GRACE_MILLIS = 250;

    /** What a run left behind. */
    record Result(int status, String termination) {
    }

    private final Isolation iso;
    private final Gate user;
    private final Sys sys;
    private final ProgramCatalog catalog;

    ProgramRunner(Isolation iso, Sys sys, ProgramCatalog catalog) {
        this.iso = iso;
        this.user = iso.gate(Domain.USER);
        this.sys = sys;
        this.catalog = catalog;
    }

    /**
     * Runs {@code name} and waits for its main task.
     *
     * @throws IllegalArgumentException if no program has that name
     */
    Result run(String name, List<String> args) {
        ProgramCatalog.Entry entry = catalog.find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown program '" + name + "'; known: " + catalog.programs().keySet()));
        List<String> arguments = List.copyOf(args);
        int[] status = new int[1];
        String[] termination = new String[1];
        ThreadGroup threads = new ThreadGroup("program " + name);
        Thread main = iso.newThread(threads, "user-main", Domain.USER, () -> {
            try {
                status[0] = user.callInt(() -> {
                    try {
                        return instantiate(entry).main(sys, arguments);
                    } catch (ProgramExit e) {
                        return e.status();
                    } catch (Throwable e) {
                        termination[0] = Termination.describe(e);
                        return 1;
                    }
                });
            } catch (Throwable e) {
                termination[0] = "the program could not enter the user domain: " + e.getClass().getName();
                status[0] = 1;
            }
        });
        main.start();
        try {
            main.join();
            long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
            while (threads.activeCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the program ran", e);
        }
        if (termination[0] != null) {
            sys.write(Sys.STDERR, name + ": terminated by " + termination[0] + "\n");
        }
        return new Result(status[0], termination[0]);
    }

    /** Loads and constructs the program; runs inside the user gate. */
    private static UserProgram instantiate(ProgramCatalog.Entry entry) {
        ServiceLoader<UserProgram> loader = entry.module() != null
                ? ServiceLoader.load(ModuleLayer.boot(), UserProgram.class)
                : ServiceLoader.load(UserProgram.class, ProgramRunner.class.getClassLoader());
        return loader.stream().filter(p -> p.type().getName().equals(entry.className())).findFirst()
                .orElseThrow(() -> new IllegalStateException("program " + entry.name() + " (" + entry.className() + ") is not provided here"))
                .get();
    }
}
