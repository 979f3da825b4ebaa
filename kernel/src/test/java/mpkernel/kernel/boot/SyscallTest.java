package mpkernel.kernel.boot;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import mpkernel.isolation.Backend;
import mpkernel.isolation.Domain;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.FileStat;
import mpkernel.kernel.api.ProgramExit;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every system call, from inside the user domain, on the mprotect backend (real page
 * protection on this host), with the gate counters checked per call.
 */
class SyscallTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Kernel kernel;
    private Sys sys;

    private void boot(KernelConfig config) {
        kernel = Kernel.boot(config.withConsole(console).withUserBytes(256L << 20));
        sys = kernel.sys();
    }

    @AfterEach
    void shutdown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    /** Runs {@code body} as user code: inside the USER gate. */
    private void asUser(Runnable body) {
        kernel.isolation().gate(Domain.USER).run(body);
    }

    @Test
    void memoryCalls() {
        boot(KernelConfig.defaults(Backend.MPROTECT));
        asUser(() -> {
            MemorySegment a = sys.malloc(100);
            assertEquals(100, a.byteSize());
            assertTrue(kernel.isolation().memory(Domain.USER).contains(a.address()), "malloc returns user memory");
            a.set(JAVA_LONG, 0, 42);
            MemorySegment b = sys.realloc(a, 100_000);
            assertEquals(42, b.get(JAVA_LONG, 0), "realloc keeps contents");
            MemorySegment z = sys.calloc(1000, 8);
            for (long i = 0; i < 1000; i++) {
                assertEquals(0, z.getAtIndex(JAVA_LONG, i));
            }
            sys.free(b);
            sys.free(z);
            assertEquals(Errno.EINVAL, errno(() -> sys.free(b)), "double free");
            MemorySegment heap = MemorySegment.ofArray(new byte[16]);
            assertEquals(Errno.EFAULT, errno(() -> sys.free(heap)), "not user memory");
            MemorySegment m = sys.mmap(10_000);
            assertEquals(12_288, m.byteSize());
            assertEquals(0, m.get(JAVA_BYTE, 12_287));
            sys.munmap(m);
            assertEquals(Errno.EINVAL, errno(() -> sys.munmap(m)), "double unmap");
        });
        assertEquals(List.of(), kernel.integrity());
    }

    @Test
    void sizesAreCheckedBeforeTheyAreRounded() {
        boot(KernelConfig.defaults(Backend.MPROTECT));
        asUser(() -> {
            MemorySegment big = sys.malloc(64L << 20);
            // once rounded up to 16 bytes, Long.MAX_VALUE would wrap to a tiny block
            assertEquals(Errno.ENOMEM, errno(() -> sys.calloc(1, Long.MAX_VALUE)));
            assertEquals(Errno.ENOMEM, errno(() -> sys.malloc(Long.MAX_VALUE - 3)));
            assertEquals(Errno.ENOMEM, errno(() -> sys.realloc(big, Long.MAX_VALUE)));
            assertEquals(Errno.ENOMEM, errno(() -> sys.mmap(Long.MAX_VALUE)));
            assertEquals(Errno.ENOMEM, errno(() -> sys.calloc(Long.MAX_VALUE / 2, 2)));
            assertEquals(Errno.ENOMEM, errno(() -> sys.calloc(3, Long.MAX_VALUE / 2)), "count * size overflows");
            sys.free(big);
            int fd = sys.open("/f", Sys.O_RDWR | Sys.O_CREAT);
            assertEquals(Errno.EINVAL, errno(() -> {
                sys.lseek(fd, Long.MAX_VALUE, Sys.SEEK_SET);
                sys.lseek(fd, Long.MAX_VALUE, Sys.SEEK_CUR);
            }), "offset overflow");
            sys.lseek(fd, Long.MAX_VALUE - 2, Sys.SEEK_SET);
            assertEquals(Errno.EFBIG, errno(() -> sys.write(fd, "xyz")));
            sys.close(fd);
        });
        assertEquals(List.of(), kernel.integrity());
    }

    @Test
    void readOnlyFilesRefuseEveryWriteLikeFlag() {
        boot(KernelConfig.defaults(Backend.MPROTECT));
        asUser(() -> {
            long size = sys.stat("/proc/layout").size();
            for (int flags : new int[] {Sys.O_RDONLY | Sys.O_TRUNC, Sys.O_WRONLY, Sys.O_RDWR, Sys.O_RDONLY | Sys.O_APPEND,
                    Sys.O_WRONLY | Sys.O_TRUNC}) {
                assertEquals(Errno.EROFS, errno(() -> sys.open("/proc/layout", flags)), "flags " + Integer.toOctalString(flags));
            }
            assertEquals(size, sys.stat("/proc/layout").size(), "untouched");
            assertEquals(Errno.EISDIR, errno(() -> sys.open("/proc", Sys.O_RDONLY | Sys.O_TRUNC)));
            assertEquals(Errno.EINVAL, errno(() -> sys.open("/proc/layout", 3)), "access mode 3");
        });
        assertEquals(List.of(), kernel.integrity());
    }

    @Test
    void fileCalls() throws Exception {
        Path host = tmp.resolve("data.bin");
        Files.write(host, new byte[] {1, 2, 3, 4, 5});
        boot(KernelConfig.defaults(Backend.MPROTECT).withHostFile("data.bin", host));
        asUser(() -> {
            MemorySegment buf = sys.malloc(64);
            int fd = sys.open("/notes.txt", Sys.O_RDWR | Sys.O_CREAT);
            assertEquals(11, sys.write(fd, "hello world"));
            assertEquals(6, sys.lseek(fd, 6, Sys.SEEK_SET));
            assertEquals(5, sys.read(fd, buf));
            assertEquals("world", text(buf, 5));
            assertEquals(0, sys.read(fd, buf), "end of file");
            assertEquals(11, sys.lseek(fd, 0, Sys.SEEK_END));
            sys.close(fd);
            FileStat st = sys.stat("/notes.txt");
            assertEquals(11, st.size());
            fd = sys.open("/notes.txt", Sys.O_WRONLY | Sys.O_APPEND);
            sys.write(fd, "!");
            sys.close(fd);
            assertEquals(12, sys.stat("/notes.txt").size());
            fd = sys.open("/notes.txt", Sys.O_WRONLY | Sys.O_TRUNC);
            sys.close(fd);
            assertEquals(0, sys.stat("/notes.txt").size());

            int h = sys.open("/host/data.bin", Sys.O_RDONLY);
            assertEquals(5, sys.read(h, buf));
            assertEquals(5, buf.get(JAVA_BYTE, 4));
            sys.close(h);
            assertTrue(sys.stat("/host/data.bin").readOnly());
            assertEquals(Errno.EROFS, errno(() -> sys.open("/host/data.bin", Sys.O_WRONLY)));
            assertEquals(Errno.ENOENT, errno(() -> sys.open("/missing", Sys.O_RDONLY)));
            assertEquals(Errno.EBADF, errno(() -> sys.close(h)));
            assertEquals(Errno.EBADF, errno(() -> sys.read(63, buf)));
            assertEquals(Errno.EINVAL, errno(() -> sys.open("relative", Sys.O_RDONLY)));
            assertEquals(Errno.EISDIR, errno(() -> sys.open("/dev", Sys.O_WRONLY)));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment outside = arena.allocate(8);
                assertEquals(Errno.EFAULT, errno(() -> sys.read(0, outside)), "buffers must be user memory");
            }
            sys.free(buf);
        });
    }

    @Test
    void consoleTimeProcessAndExit() {
        boot(KernelConfig.defaults(Backend.MPROTECT));
        asUser(() -> {
            sys.write(Sys.STDOUT, "one ");
            sys.write(Sys.STDERR, "two\n");
            long t0 = sys.clockGettime(Sys.CLOCK_MONOTONIC);
            assertTrue(sys.clockGettime(Sys.CLOCK_MONOTONIC) >= t0);
            assertTrue(sys.clockGettime(Sys.CLOCK_REALTIME) > 1_600_000_000L * 1_000_000_000L);
            assertEquals(Errno.EINVAL, errno(() -> sys.clockGettime(99)));
            assertEquals(1, sys.getpid());
            sys.yield();
            assertEquals(7, assertThrows(ProgramExit.class, () -> sys.exit(7)).status());
        });
        kernel.close();
        assertEquals("one two\n", console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everySystemCallCrossesTheUserKernelGateOnce() {
        boot(KernelConfig.defaults(Backend.MPROTECT));
        asUser(() -> {
            long before = kernel.syscallGate().crossings();
            MemorySegment m = sys.malloc(8);
            sys.getpid();
            sys.clockGettime(Sys.CLOCK_MONOTONIC);
            sys.free(m);
            assertEquals(before + 4, kernel.syscallGate().crossings());
            long unsafeBefore = kernel.unsafeGate().crossings();
            sys.write(Sys.STDOUT, "x");
            assertEquals(before + 5, kernel.syscallGate().crossings());
            assertEquals(unsafeBefore + 1, kernel.unsafeGate().crossings(), "console output crosses into the driver once");
            sys.calloc(4, 4);
            assertEquals(unsafeBefore + 2, kernel.unsafeGate().crossings(), "calloc zeroes with write_bytes in the unsafe kernel");
        });
    }

    @Test
    void kernelWriteBytesFillsUnsafeMemoryThroughTheUnsafeGateOnce() {
        boot(KernelConfig.defaults(Backend.MPROTECT));
        long addr = kernel.unsafeMalloc(4096);
        MemorySegment unsafe = kernel.isolation().memory(Domain.UNSAFE_KERNEL).segment();
        assertTrue(kernel.isolation().memory(Domain.UNSAFE_KERNEL).contains(addr));
        long before = kernel.unsafeGate().crossings();
        kernel.isolation().gate(Domain.SAFE_KERNEL).run(() -> kernel.writeBytes(addr + 1, (byte) 0x5a, 4094));
        assertEquals(before + 1, kernel.unsafeGate().crossings());
        MemorySegment block = unsafe.asSlice(addr - unsafe.address(), 4096);
        // outside every gate nothing is readable: look from inside the unsafe kernel
        byte[] seen = kernel.unsafeGate().call(() -> block.toArray(JAVA_BYTE));
        assertEquals(0x5a, seen[1]);
        assertEquals(0x5a, seen[4094]);
        assertEquals(0, seen[4095], "exactly len bytes");
    }

    @Test
    void tasksRunInTheUserDomainAndJoin() {
        boot(KernelConfig.defaults(Backend.MPROTECT));
        AtomicInteger ran = new AtomicInteger();
        List<String> domains = new ArrayList<>();
        asUser(() -> {
            int t1 = sys.threadSpawn(() -> {
                synchronized (domains) {
                    domains.add(String.valueOf(mpkernel.isolation.Isolation.currentDomain()));
                }
                ran.incrementAndGet();
            });
            int t2 = sys.threadSpawn(ran::incrementAndGet);
            sys.threadJoin(t1);
            sys.threadJoin(t2);
            assertEquals(Errno.ECHILD, errno(() -> sys.threadJoin(t1)), "joined already");
            int bad = sys.threadSpawn(() -> {
                throw new IllegalStateException("task failure");
            });
            SysError e = assertThrows(SysError.class, () -> sys.threadJoin(bad));
            assertTrue(e.getMessage().contains("task failure"), e.getMessage());
        });
        assertEquals(2, ran.get());
        assertEquals(List.of("USER"), domains);
    }

    @Test
    void consoleRingUnderLoadFromTwoTasks() {
        boot(KernelConfig.defaults(Backend.MPROTECT));
        int lines = 400;
        asUser(() -> {
            List<Integer> tids = new ArrayList<>();
            for (String who : List.of("A", "B")) {
                tids.add(sys.threadSpawn(() -> {
                    MemorySegment buf = sys.malloc(64);
                    for (int i = 0; i < lines; i++) {
                        byte[] line = String.format("%s%05d%s%n", who, i, "-".repeat(i % 50)).getBytes(StandardCharsets.US_ASCII);
                        MemorySegment.copy(MemorySegment.ofArray(line), 0, buf, 0, line.length);
                        sys.write(Sys.STDOUT, buf.asSlice(0, line.length));
                    }
                    sys.free(buf);
                }));
            }
            tids.forEach(sys::threadJoin);
        });
        kernel.close();
        List<String> out = console.toString(StandardCharsets.US_ASCII).lines().toList();
        assertEquals(2 * lines, out.size());
        for (String who : List.of("A", "B")) {
            List<String> mine = out.stream().filter(l -> l.startsWith(who)).toList();
            assertEquals(lines, mine.size());
            for (int i = 0; i < lines; i++) {
                assertEquals(String.format("%s%05d%s", who, i, "-".repeat(i % 50)), mine.get(i), "in order, intact");
            }
        }
        assertEquals(0, kernel.consoleBadFrames());
    }

    @Test
    void integrityHoldsAcrossACorrectRunAndSeesEveryChangeToBootState() {
        boot(KernelConfig.defaults(Backend.NONE).withSecretSeed(42));
        asUser(() -> {
            int fd = sys.open("/f", Sys.O_RDWR | Sys.O_CREAT);
            sys.write(fd, "data");
            sys.close(fd);
            sys.free(sys.malloc(1 << 20));
        });
        assertEquals(List.of(), kernel.integrity());
        MemorySegment safe = kernel.isolation().memory(Domain.SAFE_KERNEL).segment();
        // behind the kernel's back (no protection under none): flip a secret bit
        safe.set(JAVA_BYTE, Kernel.SECRET_OFFSET, (byte) (safe.get(JAVA_BYTE, Kernel.SECRET_OFFSET) ^ 1));
        assertTrue(kernel.integrity().getFirst().startsWith("the safe kernel's header page changed"), kernel.integrity().toString());
        kernel.close();

        // rename a boot file: the directory row of /proc/layout
        boot(KernelConfig.defaults(Backend.NONE));
        long dirents = kernel.isolation().memory(Domain.SAFE_KERNEL).address();
        MemorySegment table = kernel.isolation().memory(Domain.SAFE_KERNEL).segment();
        long at = find(table, "/proc/layout");
        table.set(JAVA_BYTE, at + "/proc/lay".length(), (byte) 'X');
        assertEquals(Errno.ENOENT, errno(() -> asUser(() -> sys.open("/proc/layout", Sys.O_RDONLY))));
        assertTrue(kernel.integrity().stream().anyMatch(p -> p.startsWith("directory entries (boot files) changed")),
                kernel.integrity().toString() + dirents);
    }

    @Test
    void aSeedFixesTheSecretAndLeaksAreFoundRawOrInHex() {
        boot(KernelConfig.defaults(Backend.MPROTECT).withSecretSeed(42));
        byte[] expected = new byte[Kernel.SECRET_BYTES];
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        MemorySegment e = MemorySegment.ofArray(expected);
        for (int off = 0; off < expected.length; off += 8) {
            e.set(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, off, r.nextLong());
        }
        String hex = java.util.HexFormat.of().formatHex(expected);
        assertTrue(kernel.leaks(("stolen: " + hex + "\n").getBytes(StandardCharsets.US_ASCII)), "hex");
        assertTrue(kernel.leaks(("STOLEN " + hex.toUpperCase() + "!").getBytes(StandardCharsets.US_ASCII)), "upper-case hex");
        byte[] raw = new byte[40];
        System.arraycopy(expected, 0, raw, 5, expected.length);
        assertTrue(kernel.leaks(raw), "raw bytes");
        expected[31] ^= 1;
        assertTrue(!kernel.leaks(java.util.HexFormat.of().formatHex(expected).getBytes(StandardCharsets.US_ASCII)), "one bit off");
        assertTrue(!kernel.leaks(new byte[0]));
    }

    /** Offset of the directory row holding {@code path} in the safe-kernel region. */
    private static long find(MemorySegment safe, String path) {
        byte[] name = path.getBytes(StandardCharsets.US_ASCII);
        MemorySegment n = MemorySegment.ofArray(name);
        for (long off = 0; off + name.length < Kernel.STATIC_BYTES; off++) {
            if (MemorySegment.mismatch(safe, off, off + name.length, n, 0, name.length) < 0 && safe.get(JAVA_BYTE, off - 2) == name.length) {
                return off;
            }
        }
        throw new AssertionError(path + " not found");
    }

    private static Errno errno(Executable call) {
        return assertThrows(SysError.class, call).errno();
    }

    private static String text(MemorySegment s, int n) {
        return new String(s.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
    }
}
