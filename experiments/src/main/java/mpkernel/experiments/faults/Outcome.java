package mpkernel.experiments.faults;

/** How a trial ended, from the most to the least informative. */
public enum Outcome {
    /** A protection fault (SEGV_PKUERR under mpk, SEGV_ACCERR under mprotect) inside a domain region. */
    DETECTED_BY_ISOLATION,
    /** The OS refused the access: the kernel process's confinement (seccomp) shut the path the fault took. */
    DENIED_BY_CONFINEMENT,
    /** The JVM died some other way (e.g. SEGV_MAPERR on unmapped memory). */
    CRASH_OTHER,
    /** A Java bounds check or a kernel check stopped the program. */
    CAUGHT_BY_JAVA,
    /** The safe kernel's state changed (integrity digest or allocator audit) and nothing noticed. */
    SILENT_KERNEL_CORRUPTION,
    /** The program's output differs from the fault-free golden run. */
    WRONG_OUTPUT,
    /** The kernel secret appeared in the program's output. */
    SECRET_LEAKED,
    /** No visible effect. */
    BENIGN,
    /** The trial did not finish in time. */
    HANG
}
