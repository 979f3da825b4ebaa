package mpkernel.isolation;

/**
 * A platform thread that carries its gate state in a field, so crossings skip the thread-local
 * lookup, and that sets its own rights before it runs anything: Linux copies PKRU to a new
 * thread from the thread that created it, which may have been inside a kernel gate, so under
 * {@link Backend#MPK} the first thing the thread does is write its baseline (the rights of its
 * baseline domain, or none at all). Those are its rights outside every gate.
 */
final class DomainThread extends Thread {
    final ThreadState state = new ThreadState(this);
    private final PkruRegister register;
    private final int baseline;
    /** Set once the thread has written its baseline: from then on it holds no inherited rights. */
    private volatile boolean started;

    /**
     * A thread of {@code group} (null: the creator's) running {@code task}; under
     * {@code register} (null: no per-thread rights) it starts with {@code baseline}.
     */
    DomainThread(ThreadGroup group, String name, Runnable task, PkruRegister register, int baseline) {
        super(group, task, name, 0, false);
        this.register = register;
        this.baseline = baseline;
    }

    /**
     * Whether this thread's rights outside every gate are known: it wrote its baseline itself,
     * so whatever it inherited from its creator is gone.
     */
    boolean wroteBaseline() {
        return started;
    }

    @Override
    public void run() {
        if (register != null) {
            register.write(baseline);
            started = true;
        }
        super.run();
    }
}
