package mpkernel.bench;

/**
 * How benchmarks of system calls stand in for a user program. A system call made by a program
 * crosses from {@code USER} into {@code SAFE_KERNEL} and back, and under {@code mprotect} that
 * costs more than from outside every domain (the kernel's regions are closed in {@code USER} and
 * must be opened). A JMH invocation therefore enters {@code USER} once and makes {@link #OPS}
 * calls inside it; the extra user-gate round trip is spread over them (under 0.1% of the
 * figure on every backend here).
 */
final class UserBatch {

    /** Operations per JMH invocation (the {@code @OperationsPerInvocation} of every user-side benchmark). */
    static final int OPS = 1000;

    private UserBatch() {
    }
}
