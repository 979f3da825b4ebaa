package mpkernel.experiments.launch;

/**
 * Host state that a run made and must remove, such as a network namespace: removed when its
 * owner is closed, or by a shutdown hook when the JVM ends first (as on Ctrl-C), so that
 * nothing is left behind either way.
 */
public final class ExitCleanup {

    private final Runnable removal;
    private final Thread hook;
    private boolean done;

    /**
     * A cleanup whose hook is not armed yet.
     *
     * @param threadName the name of the shutdown hook's thread
     * @param removal removes the state; it must tolerate finding it gone
     */
    public ExitCleanup(String threadName, Runnable removal) {
        this.removal = removal;
        this.hook = new Thread(removal, threadName);
    }

    /** Arms the shutdown hook, from now until {@link #runNow}. */
    public void armHook() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Removes the state now and disarms the hook; only the first call does anything. */
    public synchronized void runNow() {
        if (done) {
            return;
        }
        done = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs anyway
        }
        removal.run();
    }
}
