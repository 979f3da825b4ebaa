package mpkernel.isolation;

import java.lang.foreign.Arena;
import java.lang.ref.Reference;
import java.lang.foreign.MemorySegment;

/**
 * Closes the doors around the isolation that the OS keeps open: a seccomp-bpf filter,
 * installed on every thread of the process at once ({@code SECCOMP_FILTER_FLAG_TSYNC}) and
 * inherited by every thread started later, so user code cannot escape it on a thread the JDK
 * made (finalizers, cleaners, virtual-thread carriers).
 *
 * <p>What the filter refuses, with {@code EPERM}:
 * <ul>
 * <li>opening any file ({@code open}, {@code openat}, {@code openat2}, {@code creat},
 *     {@code open_by_handle_at}): {@code /proc/self/mem}, whose FOLL_FORCE access ignores both
 *     PROT_NONE and protection keys (Connor et al., <i>PKU Pitfalls</i>, USENIX Security 2020),
 *     {@code /proc/self/fd/N}, heap-dump files, everything. The process must have opened what it
 *     needs before it confines itself;
 * <li>changing the file system ({@code unlink}, {@code rename}, {@code mkdir}, {@code chmod},
 *     {@code truncate}, ...), mounting, namespaces;
 * <li>reading or writing memory from outside ({@code ptrace}, {@code process_vm_readv/writev},
 *     {@code process_madvise}, {@code pidfd_getfd}, {@code userfaultfd}, {@code io_uring}, whose
 *     operations bypass seccomp, {@code bpf}, {@code perf_event_open});
 * <li>new processes ({@code fork}, {@code vfork}, {@code clone} without {@code CLONE_THREAD},
 *     {@code execve}); {@code clone3} answers {@code ENOSYS} so that glibc falls back to
 *     {@code clone}, whose flags the filter can read;
 * <li>protection keys ({@code pkey_alloc}, {@code pkey_free}): freeing a kernel key and
 *     allocating it again would hand its rights to the caller; {@code pkey_mprotect} anywhere
 *     except from the isolation's own {@code syscall} instruction, which the key cache re-tags
 *     virtual domains with;
 * <li>{@code mprotect}, {@code munmap}, {@code madvise}, {@code mremap} and {@code mmap} with
 *     {@code MAP_FIXED} on any byte of the domain regions or of the generated gate code, except
 *     from the isolation's own {@code syscall} instruction ({@link RegionSyscalls}), which the
 *     filter recognises by its address; {@code mseal}, {@code shmat}, {@code remap_file_pages};
 * <li>signals to other processes; {@code prctl(PR_SET_PTRACER)} and {@code prctl(PR_SET_MM)};
 *     another seccomp filter ({@code seccomp}, {@code prctl(PR_SET_SECCOMP)}), whose user
 *     notifications could intercept the gates' own {@code mprotect} and fake its success.
 * </ul>
 *
 * <p>What it cannot stop: native code (a user module granted native access) that executes
 * WRPKRU itself, calls into the isolation's generated code, or rewrites the JVM's own memory
 * (key 0: the Java heap, compiled code) to steer kernel code. Those need binary inspection and
 * control-flow integrity (ERIM, Hodor), which this project does not have.
 */
final class Confinement {

    private static final int AUDIT_ARCH_X86_64 = 0xC000003E;
    private static final int X32_SYSCALL_BIT = 0x40000000;
    private static final int RET_ALLOW = 0x7fff0000;
    private static final int RET_EPERM = 0x00050000 | 1;
    private static final int RET_ENOSYS = 0x00050000 | 38;

    private static final int PR_SET_NO_NEW_PRIVS = 38;
    private static final int PR_SET_MM = 35;
    private static final int PR_SET_PTRACER = 0x59616d61;
    private static final int PR_SET_SECCOMP = 22;
    private static final int SYS_SECCOMP = 317;
    private static final int SECCOMP_SET_MODE_FILTER = 1;
    private static final int SECCOMP_FILTER_FLAG_TSYNC = 1;
    private static final int CLONE_THREAD = 0x10000;
    private static final int MAP_FIXED = 0x10;
    private static final int MREMAP_FIXED = 2;

    // x86-64 system call numbers
    private static final int MMAP = 9;
    private static final int MPROTECT = 10;
    private static final int MUNMAP = 11;
    private static final int MREMAP = 25;
    private static final int MADVISE = 28;
    private static final int CLONE = 56;
    private static final int KILL = 62;
    private static final int RT_SIGQUEUEINFO = 129;
    private static final int PRCTL = 157;
    private static final int TGKILL = 234;
    private static final int RT_TGSIGQUEUEINFO = 297;
    private static final int CLONE3 = 435;
    private static final int PKEY_MPROTECT = 329;

    /** Refused outright. */
    private static final int[] DENIED = {
        2, 257, 437, 85, 304,                 // open, openat, openat2, creat, open_by_handle_at
        59, 322, 57, 58,                      // execve, execveat, fork, vfork
        101, 310, 311, 440, 438, 448,         // ptrace, process_vm_readv/writev, process_madvise, pidfd_getfd, process_mrelease
        330, 331,                             // pkey_alloc, pkey_free (pkey_mprotect: below)
        425, 426, 427, 323, 321, 298,         // io_uring_*, userfaultfd, bpf, perf_event_open
        246, 320, 175, 313, 176,              // kexec_load, kexec_file_load, init/finit/delete_module
        165, 166, 155, 428, 429, 430, 431, 432, 433, 308, 272, 161, // mount API, setns, unshare, chroot
        134, 200, 424, 167, 168, 169, 172, 173, 154, 163, 179, // uselib, tkill, pidfd_send_signal, swap, reboot, io perms, modify_ldt, acct, quotactl
        216, 30, 462,                         // remap_file_pages, shmat, mseal
        317,                                  // seccomp: a filter of the program's own could intercept (and fake) the gates' mprotect
        133, 259, 87, 263, 82, 264, 316, 83, 258, 84, 88, 266, 86, 265, // mknod(at), unlink(at), rename*, mkdir(at), rmdir, symlink(at), link(at)
        90, 268, 452, 92, 94, 260, 76, 132, 235, 280, 261, // chmod, fchmodat(2), chown, lchown, fchownat, truncate, utime*
        188, 189, 197, 198, 463, 466,         // setxattr, lsetxattr, removexattr, lremovexattr, setxattrat, removexattrat
    };

    private Confinement() {
    }

    /** Installs the filter for the whole process; returns the boot-log line. */
    static String install(Isolation iso, boolean strict) {
        String what = "seccomp on every thread: no file opens, exec, new processes, ptrace or process_vm_*, pkey_alloc/free;"
                + " no pkey_mprotect, nor mprotect/munmap/madvise/mremap/MAP_FIXED on domain memory or gate code, except the gates' own;"
                + " signals only to this process. Not confined: native code that runs WRPKRU or rewrites the JVM's key-0 memory";
        long[][] protectedRanges = {iso.reservedRange(), MachineCode.area()};
        String failure = tryInstall(program(protectedRanges, RegionSyscalls.SYSCALL_RETURN, Libc.getpid()));
        if (failure == null) {
            return "confinement: " + what;
        }
        if (strict) {
            throw new IsolationUnavailableException("--strict: cannot confine this process: " + failure);
        }
        return "confinement: UNAVAILABLE (" + failure + "); user code can reach /proc/self/mem, ptrace and mprotect";
    }

    /** Installs {@code program}; returns why it failed, or null. */
    private static String tryInstall(Bpf program) {
        Libc.Result nnp = Libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
        if (nnp.failed()) {
            return "prctl(PR_SET_NO_NEW_PRIVS) failed with errno " + nnp.errno();
        }
        Arena arena = Scratch.arena();
        MemorySegment prog = program.assemble(arena);
        Libc.Result rc = Libc.syscall(SYS_SECCOMP, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, prog.address());
        // The kernel has copied the program by now; until then only its address was in use.
        Reference.reachabilityFence(prog);
        if (rc.value() > 0) {
            return "thread " + rc.value() + " could not take the filter";
        }
        if (rc.failed()) {
            return "seccomp(SET_MODE_FILTER, TSYNC) failed with errno " + rc.errno();
        }
        return null;
    }

    /**
     * The filter: see the class comment. Every refusal is a return placed right where it is
     * decided, so no jump has to reach further than a classic-BPF jump can (255 instructions).
     */
    static Bpf program(long[][] ranges, long allowedIp, int pid) {
        Bpf b = new Bpf();
        String ok = b.newLabel("arch");
        b.load(4).ifEqual(AUDIT_ARCH_X86_64, ok, null).ret(RET_EPERM).label(ok);
        ok = b.newLabel("abi");
        b.load(0).ifAtLeast(X32_SYSCALL_BIT, null, ok).ret(RET_EPERM).label(ok);
        for (int nr : DENIED) {
            String next = b.newLabel("next");
            b.ifEqual(nr, null, next).ret(RET_EPERM).label(next);
        }
        String next = b.newLabel("next");
        b.ifEqual(CLONE3, null, next).ret(RET_ENOSYS).label(next);

        next = b.newLabel("next");
        ok = b.newLabel("thread");
        b.ifEqual(CLONE, null, next).load(arg(0)).ifAnyBit(CLONE_THREAD, ok, null).ret(RET_EPERM)
                .label(ok).ret(RET_ALLOW).label(next).load(0);

        for (int nr : new int[] {KILL, TGKILL, RT_SIGQUEUEINFO, RT_TGSIGQUEUEINFO}) {
            next = b.newLabel("next");
            ok = b.newLabel("self");
            b.ifEqual(nr, null, next).load(arg(0)).ifEqual(pid, ok, null).ret(RET_EPERM)
                    .label(ok).ret(RET_ALLOW).label(next).load(0);
        }

        next = b.newLabel("next");
        String refuse = b.newLabel("refuse");
        b.ifEqual(PRCTL, null, next).load(arg(0)).ifEqual(PR_SET_PTRACER, refuse, null).ifEqual(PR_SET_MM, refuse, null)
                .ifEqual(PR_SET_SECCOMP, refuse, null)
                .ret(RET_ALLOW).label(refuse).ret(RET_EPERM).label(next).load(0);

        next = b.newLabel("next");
        refuse = b.newLabel("refuse");
        b.ifEqual(PKEY_MPROTECT, null, next).load(8).ifEqual(lo(allowedIp), null, refuse).load(12).ifEqual(hi(allowedIp), null, refuse)
                .ret(RET_ALLOW).label(refuse).ret(RET_EPERM).label(next).load(0);

        next = b.newLabel("next");
        String fixed = b.newLabel("fixed");
        b.ifEqual(MMAP, null, next).load(arg(3)).ifAnyBit(MAP_FIXED, fixed, null).ret(RET_ALLOW).label(fixed);
        rangeChecks(b, 0, 1, ranges, allowedIp);
        b.ret(RET_ALLOW).label(next);

        for (int nr : new int[] {MPROTECT, MUNMAP, MADVISE}) {
            next = b.newLabel("next");
            b.ifEqual(nr, null, next);
            rangeChecks(b, 0, 1, ranges, allowedIp);
            b.ret(RET_ALLOW).label(next);
        }

        next = b.newLabel("next");
        String moves = b.newLabel("moves");
        b.ifEqual(MREMAP, null, next);
        rangeChecks(b, 0, 1, ranges, allowedIp);
        b.load(arg(3)).ifAnyBit(MREMAP_FIXED, moves, null).ret(RET_ALLOW).label(moves);
        rangeChecks(b, 4, 2, ranges, allowedIp);
        b.ret(RET_ALLOW).label(next);

        return b.ret(RET_ALLOW);
    }

    /** Offset of the low 32 bits of argument {@code i} in {@code struct seccomp_data}. */
    private static int arg(int i) {
        return 16 + 8 * i;
    }

    /**
     * For each range, falls through when {@code [addr, addr + len)} (arguments {@code a} and
     * {@code l}) misses it; when it overlaps, allows the call from {@code allowedIp} and refuses
     * it from anywhere else. All comparisons are 64-bit, built from the 32-bit halves.
     */
    private static void rangeChecks(Bpf b, int a, int l, long[][] ranges, long allowedIp) {
        for (long[] r : ranges) {
            rangeCheck(b, arg(a), arg(l), r[0], r[1], allowedIp);
        }
    }

    private static void rangeCheck(Bpf b, int addr, int len, long lo, long hi, long allowedIp) {
        String miss = b.newLabel("miss");
        String hit = b.newLabel("hit");
        String belowHi = b.newLabel("belowHi");
        String belowLo = b.newLabel("belowLo");
        String sameHi = b.newLabel("sameHi");
        String sameLoHi = b.newLabel("sameLoHi");
        String borrow = b.newLabel("borrow");
        String borrowKnown = b.newLabel("borrowKnown");
        String lenSameHi = b.newLabel("lenSameHi");
        // addr >= hi: no overlap
        b.load(addr + 4).ifAbove(hi(hi), miss, null).ifEqual(hi(hi), sameHi, belowHi);
        b.label(sameHi).load(addr).ifAtLeast(lo(hi), miss, belowHi);
        // addr < hi; addr >= lo: overlap
        b.label(belowHi).load(addr + 4).ifAbove(hi(lo), hit, null).ifEqual(hi(lo), sameLoHi, belowLo);
        b.label(sameLoHi).load(addr).ifAtLeast(lo(lo), hit, belowLo);
        // addr < lo: overlap iff len > lo - addr; the difference in M[1]:M[0], its borrow in M[2]
        b.label(belowLo).load(addr).tax().loadConstant(lo(lo)).subX().store(0);
        b.load(addr).ifAbove(lo(lo), borrow, null).loadConstant(0).jump(borrowKnown);
        b.label(borrow).loadConstant(1);
        b.label(borrowKnown).store(2);
        b.load(addr + 4).tax().loadConstant(hi(lo)).subX().store(1);
        b.loadScratchX(2).loadScratch(1).subX().store(1);
        b.load(len + 4).loadScratchX(1).ifAboveX(hit, null).ifEqualX(lenSameHi, miss);
        b.label(lenSameHi).load(len).loadScratchX(0).ifAboveX(hit, miss);
        // overlap: only the isolation's own syscall instruction may do this
        String refuse = b.newLabel("refuse");
        b.label(hit).load(8).ifEqual(lo(allowedIp), null, refuse).load(12).ifEqual(hi(allowedIp), null, refuse)
                .ret(RET_ALLOW).label(refuse).ret(RET_EPERM);
        b.label(miss).load(0);
    }

    private static int lo(long v) {
        return (int) v;
    }

    private static int hi(long v) {
        return (int) (v >>> 32);
    }
}
