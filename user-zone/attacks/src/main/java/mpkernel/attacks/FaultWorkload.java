package mpkernel.attacks;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.api.UserProgram;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * {@code fault-workload}: the fixed workload of the fault-injection experiments, with one fault
 * injected between two of its phases. Phases: file system (write, read back, checksum),
 * allocations (malloc, fill, realloc, free), a short benchmark; every phase reports through the
 * console driver. Its output is a function of {@code --seed} alone, so a fault-free run is the
 * golden output every trial is compared with.
 *
 * <p>Usage: {@code fault-workload --seed S --model M --target T --param P}. Models and targets
 * are those of {@code ./mpk faults}; the fault itself is done the way the model says: through the
 * unsafe kernel's faulty driver (unsafe-kernel source), by raw access from this module's native
 * access (user source), by plain Java through {@code /proc/self/mem} (user source, no native
 * access needed), by a plain Java bug (use after free, overflow of a user buffer), or by the
 * network driver, which the kernel armed to copy a frame astray and which this workload makes
 * send one ({@code net-driver-write}). When the OS
 * refuses the {@code /proc/self/mem} path (the kernel process is confined), the workload stops
 * with exit status {@value #DENIED}.
 */
@Program(name = "fault-workload", description = "the fault-injection workload (used by ./mpk faults)")
public final class FaultWorkload implements UserProgram {

    /** Exit status when the OS refused the fault's path. */
    static final int DENIED = 77;

    @Override
    public int main(Sys sys, List<String> args) {
        long seed = 1;
        String model = "control";
        String target = "-";
        long param = 0;
        for (int i = 0; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "--seed" -> seed = Long.parseLong(args.get(i + 1));
                case "--model" -> model = args.get(i + 1);
                case "--target" -> target = args.get(i + 1);
                case "--param" -> param = Long.parseLong(args.get(i + 1));
                default -> {
                    sys.write(Sys.STDERR, "usage: fault-workload --seed S --model M --target T --param P\n");
                    return 2;
                }
            }
        }
        ProcLayout layout = ProcLayout.read(sys);
        Injector injector = new Injector(sys, layout, model, target, param);
        int when = (int) Math.floorMod(param, 3);
        SplittableRandom rnd = new SplittableRandom(seed);
        if (when == 0) {
            injector.inject();
        }
        sys.write(Sys.STDOUT, "fs " + fileSystemPhase(sys, rnd) + "\n");
        if (when == 1) {
            injector.inject();
        }
        sys.write(Sys.STDOUT, "alloc " + allocationPhase(sys, rnd, injector) + "\n");
        if (when == 2) {
            injector.inject();
        }
        sys.write(Sys.STDOUT, "bench " + benchmarkPhase(sys, rnd) + "\n");
        return 0;
    }

    private static String fileSystemPhase(Sys sys, SplittableRandom rnd) {
        MemorySegment buf = sys.malloc(16384);
        try {
            for (long i = 0; i < buf.byteSize(); i++) {
                buf.set(JAVA_BYTE, i, (byte) rnd.nextInt(256));
            }
            int fd = sys.open("/work.dat", Sys.O_RDWR | Sys.O_CREAT | Sys.O_TRUNC);
            sys.write(fd, buf);
            sys.lseek(fd, 0, Sys.SEEK_SET);
            buf.fill((byte) 0);
            long n = sys.read(fd, buf);
            sys.close(fd);
            return String.format("%d %08x", n, crc(buf));
        } finally {
            sys.free(buf);
        }
    }

    private static String allocationPhase(Sys sys, SplittableRandom rnd, Injector injector) {
        MemorySegment[] blocks = new MemorySegment[32];
        long sum = 0;
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = sys.malloc(16 + rnd.nextInt(4096));
            blocks[i].fill((byte) i);
        }
        for (int i = 0; i < blocks.length; i += 2) {
            sys.free(blocks[i]);
            blocks[i] = sys.calloc(1, 64 + rnd.nextInt(1024));
        }
        injector.afterAllocations(blocks);
        for (int i = 1; i < blocks.length; i += 3) {
            blocks[i] = sys.realloc(blocks[i], blocks[i].byteSize() * 2);
        }
        for (MemorySegment b : blocks) {
            sum = sum * 31 + crc(b);
            sys.free(b);
        }
        return Long.toHexString(sum);
    }

    private static String benchmarkPhase(Sys sys, SplittableRandom rnd) {
        int n = 20000;
        MemorySegment a = sys.malloc(8L * n);
        try {
            for (int i = 0; i < n; i++) {
                a.setAtIndex(JAVA_DOUBLE, i, rnd.nextDouble());
            }
            double acc = 0;
            for (int pass = 0; pass < 20; pass++) {
                for (int i = 1; i < n; i++) {
                    double v = a.getAtIndex(JAVA_DOUBLE, i - 1) * 0.5 + a.getAtIndex(JAVA_DOUBLE, i) * 0.5;
                    a.setAtIndex(JAVA_DOUBLE, i, v);
                    acc += v;
                }
            }
            return String.format("%.10e", acc);
        } finally {
            sys.free(a);
        }
    }

    static int crc(MemorySegment s) {
        CRC32 c = new CRC32();
        c.update(s.asByteBuffer());
        return (int) c.getValue();
    }

    /** Performs the one fault of a trial. */
    private static final class Injector {
        private final Sys sys;
        private final ProcLayout layout;
        private final String model;
        private final String target;
        private final long param;

        Injector(Sys sys, ProcLayout layout, String model, String target, long param) {
            this.sys = sys;
            this.layout = layout;
            this.model = model;
            this.target = target;
            this.param = param;
        }

        void inject() {
            switch (model) {
                case "wild-write" -> driverWrite(address(), 8);
                case "wild-read" -> leak();
                case "overflow" -> overflow();
                case "native-user-write" -> MemorySegment.ofAddress(address()).reinterpret(8).set(JAVA_LONG, 0, 0x5A5A5A5A5A5A5A5AL);
                case "proc-mem" -> procMem();
                case "net-driver-write" -> sendAFrame();
                case "control", "use-after-free", "descriptor-bitflip" -> { }
                default -> throw new IllegalArgumentException("unknown model " + model);
            }
        }

        /**
         * Makes the network driver send frames (the kernel armed it to copy the next one to a
         * wild address): a connection to the host, where nothing listens, asks for its
         * Ethernet address and is refused. Prints nothing, so that a harmless copy leaves the
         * golden output.
         */
        private void sendAFrame() {
            int socket = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0);
            try {
                sys.connect(socket, SockAddr.of("10.77.0.1", 9));
            } catch (SysError expected) {
                // refused: the frames went out (the first one astray)
            } finally {
                sys.close(socket);
            }
        }

        /** Use after free: a freed block is written through its stale segment, after the heap reused it. */
        void afterAllocations(MemorySegment[] blocks) {
            if (!model.equals("use-after-free")) {
                return;
            }
            MemorySegment stale = sys.malloc(blocks[3].byteSize());
            sys.free(stale);
            MemorySegment reused = sys.malloc(stale.byteSize());
            reused.fill((byte) 7);
            stale.set(JAVA_BYTE, Math.floorMod(param, stale.byteSize()), (byte) 0x5A); // the bug
            blocks[5] = sys.realloc(blocks[5], blocks[5].byteSize());
            MemorySegment.copy(reused, 0, blocks[5], 0, Math.min(reused.byteSize(), blocks[5].byteSize()));
            sys.free(reused);
        }

        /** The address the model aims at, derived from the target kind and the trial's parameter. */
        long address() {
            long p = Math.floorMod(param, 1 << 20) & ~7L;
            return switch (target) {
                case "safe-data" -> layout.address("secret") + Math.floorMod(param, 4) * 8;
                case "safe-metadata" -> layout.address("kernel-heap-records") + p % layout.length("kernel-heap-records") / 8 * 8;
                // the directory row of /proc/layout, a file the kernel made at boot
                case "safe-fs" -> layout.address("fs-directory") + 128 * sys.stat("/proc/layout").inode() + p % 120;
                case "unsafe" -> layout.address("region:UNSAFE_KERNEL") + p % layout.length("region:UNSAFE_KERNEL");
                case "user" -> layout.address("region:USER") + p % layout.length("region:USER");
                case "driver" -> layout.address("region:DRIVER") + p % layout.length("region:DRIVER");
                case "unmapped" -> layout.address("region:USER") - 4096 * (1 + Math.floorMod(param, 4));
                default -> throw new IllegalArgumentException("unknown target " + target);
            };
        }

        private void driverWrite(long address, int bytes) {
            MemorySegment buf = sys.malloc(bytes + 64L);
            try {
                buf.fill((byte) 0x5A);
                int fd = sys.open("/dev/faulty", Sys.O_WRONLY);
                sys.lseek(fd, address - layout.address("faulty-buffer"), Sys.SEEK_SET);
                sys.write(fd, buf.asSlice(0, bytes));
                sys.close(fd);
            } finally {
                sys.free(buf);
            }
        }

        private void leak() {
            long secret = layout.address("secret");
            int n = (int) layout.length("secret");
            byte[] read;
            if (target.equals("via-driver")) {
                MemorySegment buf = sys.malloc(n);
                int fd = sys.open("/dev/faulty", Sys.O_RDONLY);
                sys.lseek(fd, secret - layout.address("faulty-buffer"), Sys.SEEK_SET);
                sys.read(fd, buf);
                sys.close(fd);
                read = buf.toArray(JAVA_BYTE);
                sys.free(buf);
            } else {
                read = MemorySegment.ofAddress(secret).reinterpret(n).toArray(ValueLayout.JAVA_BYTE);
            }
            sys.write(Sys.STDOUT, "read " + HexFormat.of().formatHex(read) + "\n");
        }

        /**
         * Through {@code /proc/self/mem}, whose FOLL_FORCE access ignores page protection and
         * keys: reads the secret into the output ({@code safe-data}) or writes into a kernel
         * file's directory row ({@code safe-fs}). Exits with {@link #DENIED} if the OS refuses.
         */
        private void procMem() {
            boolean read = target.equals("safe-data");
            try (java.io.RandomAccessFile mem = new java.io.RandomAccessFile("/proc/self/mem", read ? "r" : "rw")) {
                mem.seek(read ? layout.address("secret") : address());
                if (read) {
                    byte[] b = new byte[(int) layout.length("secret")];
                    mem.readFully(b);
                    sys.write(Sys.STDOUT, "read " + HexFormat.of().formatHex(b) + "\n");
                } else {
                    mem.write(new byte[] {0x5A, 0x5A, 0x5A, 0x5A, 0x5A, 0x5A, 0x5A, 0x5A});
                }
            } catch (java.io.IOException e) {
                if (String.valueOf(e.getMessage()).contains("Operation not permitted")) {
                    throw new mpkernel.kernel.api.ProgramExit(DENIED);
                }
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Copies {@code len + k} bytes into a {@code len}-byte buffer at the edge of its region. */
        private void overflow() {
            int len = 64;
            int k = 1 + (int) Math.floorMod(param, 64);
            if (target.equals("user-buffer")) {
                MemorySegment dst = sys.malloc(len);
                MemorySegment src = sys.malloc(len + k);
                src.fill((byte) 0x5A);
                MemorySegment.copy(src, 0, dst, 0, len + k); // Java's bounds check stops this
                return;
            }
            // the driver, handed a buffer at the very end of the region it lives in
            String region = layout.has("region:DRIVER") ? "region:DRIVER" : "region:UNSAFE_KERNEL";
            long edge = layout.address(region) + layout.length(region) - len;
            driverWrite(edge, len + k);
        }
    }
}
