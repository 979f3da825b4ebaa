package mpkernel.kernel.api;

/** The POSIX error numbers the kernel reports, with Linux's values. */
public enum Errno {
    /** Operation not permitted. */
    EPERM(1),
    /** No such file or directory. */
    ENOENT(2),
    /** Input/output error. */
    EIO(5),
    /** Bad file descriptor. */
    EBADF(9),
    /** No child task with that id. */
    ECHILD(10),
    /** Out of memory. */
    ENOMEM(12),
    /** Permission denied. */
    EACCES(13),
    /** Bad address: a buffer that is not the caller's memory. */
    EFAULT(14),
    /** File exists. */
    EEXIST(17),
    /** Is a directory. */
    EISDIR(21),
    /** Invalid argument. */
    EINVAL(22),
    /** Too many open files. */
    EMFILE(24),
    /** File too large. */
    EFBIG(27),
    /** No space left on the file system. */
    ENOSPC(28),
    /** Read-only file system. */
    EROFS(30),
    /** File name too long. */
    ENAMETOOLONG(36);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    /** The Linux errno value. */
    public int number() {
        return number;
    }
}
