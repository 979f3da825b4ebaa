package mpkernel.kernel.boot;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.TreeMap;

import mpkernel.isolation.Domain;
import mpkernel.isolation.DomainMemory;
import mpkernel.isolation.Gate;
import mpkernel.isolation.Isolation;
import mpkernel.isolation.Policy;
import mpkernel.kernel.api.ProgramExit;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;
import mpkernel.kernel.core.KernelCore;
import mpkernel.kernel.core.SyscallHandle;
import mpkernel.kernel.core.Tasks;
import mpkernel.kernel.core.UnsafeCalls;
import mpkernel.kernel.fs.Device;
import mpkernel.kernel.fs.FileSystem;
import mpkernel.kernel.mm.HeapAllocator;
import mpkernel.kernel.mm.PageAllocator;
import mpkernel.kernel.mm.StaticArea;
import mpkernel.unsafezone.virtio.ConsoleDevice;
import mpkernel.unsafezone.virtio.VirtioConsole;

/**
 * One unikernel instance: three domains, their memory, the drivers, the file system and one
 * user program. {@link #boot} sets it up, {@link #run} runs the program on a task,
 * {@link #close} shuts down and unmaps everything.
 *
 * <p>Safe-kernel region layout: a header page (magic, the 32-byte kernel secret at
 * {@link #SECRET_OFFSET}), then the kernel's tables (page bitmaps, heap records, inode,
 * directory and file tables) in the first {@link #STATIC_BYTES}, then the kernel heap's pages.
 */
public final class Kernel implements AutoCloseable {

    /** Offset of the kernel secret in the safe-kernel region. */
    public static final long SECRET_OFFSET = 64;
    /** Bytes of the secret. */
    public static final int SECRET_BYTES = 32;
    static final long STATIC_BYTES = 8L << 20;
    static final int QUEUE_SIZE = 16;
    static final long FAULTY_BUFFER = 4096;

    private final KernelConfig config;
    private final Isolation iso;
    private final FileSystem fs;
    private final HeapAllocator userHeap;
    private final HeapAllocator kernelHeap;
    private final HeapAllocator scratchHeap;
    private final StaticArea tables;
    private final ConsoleDevice consoleDevice;
    private final Sys sys;
    private final UnsafeCalls unsafe;
    private final Gate vault;
    private final MemorySegment secretMemory;
    private boolean closed;
    private volatile RuntimeException lastTermination;

    private Kernel(KernelConfig config) {
        this.config = config;
        this.iso = Isolation.boot(config.backend(), policy(config));
        try {
            DomainMemory safe = iso.memory(Domain.SAFE_KERNEL);
            DomainMemory scratch = iso.memory(Domain.UNSAFE_KERNEL);
            DomainMemory user = iso.memory(Domain.USER);
            boolean ownDriver = config.domains().contains(OptionalDomain.DRIVER);
            DomainMemory dmaMemory = ownDriver ? iso.memory(OptionalDomain.DRIVER.domain()) : scratch;
            tables = new StaticArea(safe.segment().asSlice(0, STATIC_BYTES));
            MemorySegment header = tables.carve(4096);
            header.setString(0, "mpkernel safe kernel", StandardCharsets.US_ASCII);
            vault = config.domains().contains(OptionalDomain.VAULT) ? iso.gate(OptionalDomain.VAULT.domain()) : null;
            secretMemory = vault != null ? iso.memory(OptionalDomain.VAULT.domain()).segment().asSlice(0, SECRET_BYTES)
                    : header.asSlice(SECRET_OFFSET, SECRET_BYTES);
            byte[] secretBytes = secret(config.secretSeed());
            if (vault != null) {
                vault.run(() -> secretMemory.copyFrom(MemorySegment.ofArray(secretBytes)));
            } else {
                secretMemory.copyFrom(MemorySegment.ofArray(secretBytes));
            }

            PageAllocator safePages = pages("safe-kernel", safe, STATIC_BYTES);
            PageAllocator scratchPages = pages("unsafe-kernel", scratch, 0);
            PageAllocator userPages = pages("user", user, 0);
            kernelHeap = new HeapAllocator("kernel heap", safePages, tables, 16384);
            scratchHeap = new HeapAllocator("unsafe-kernel heap", scratchPages, tables, 16384);
            userHeap = new HeapAllocator("user heap", userPages, tables, 65536);
            fs = new FileSystem(tables, kernelHeap, safe.segment());

            PageAllocator dmaPages = ownDriver ? pages("driver", dmaMemory, 0) : scratchPages;
            MemorySegment staging = ownDriver ? slice(dmaMemory, dmaPages.allocate(2), 2 * PageAllocator.PAGE) : null;
            unsafe = new UnsafeCalls(iso.gate(Domain.UNSAFE_KERNEL), iso.gate(dmaMemory.domain()), staging);
            long ring = dmaPages.allocate(1);
            long dma = dmaPages.allocate((VirtioConsole.dmaBytes() + PageAllocator.PAGE - 1) / PageAllocator.PAGE);
            consoleDevice = new ConsoleDevice(dmaMemory.address(), dmaMemory.deviceView(), ring, QUEUE_SIZE, config.console());
            consoleDevice.start();
            unsafe.attachConsole(ring, QUEUE_SIZE, dma, consoleDevice);
            unsafe.attachFaulty(ownDriver ? dmaPages.allocate(1) : scratchHeap.malloc(FAULTY_BUFFER), FAULTY_BUFFER);

            fs.addDevice("/dev/console", new ConsoleFile(unsafe));
            fs.addDevice("/dev/null", new NullFile());
            fs.addDevice("/dev/faulty", new FaultyFile(unsafe));
            fs.bind(0, "/dev/null", Sys.O_RDONLY);
            fs.bind(1, "/dev/console", Sys.O_WRONLY);
            fs.bind(2, "/dev/console", Sys.O_WRONLY);
            fs.addReadOnlyFile("/proc/layout", layoutText());
            new TreeMap<>(config.hostFiles()).forEach(fs::addHostFile);

            Tasks tasks = new Tasks(iso, iso.gate(Domain.USER));
            KernelCore core = new KernelCore(user, scratch, userPages, userHeap, scratchHeap, fs, unsafe, tasks, 1);
            sys = new SyscallHandle(iso.gate(Domain.SAFE_KERNEL), core);
        } catch (RuntimeException | Error e) {
            iso.close();
            throw e;
        }
    }

    /** Boots a kernel. */
    public static Kernel boot(KernelConfig config) {
        return new Kernel(config);
    }

    /** Names of the programs the kernel can load, with their descriptions. */
    public static Map<String, String> programs() {
        Map<String, String> m = new TreeMap<>();
        for (UserProgram p : ServiceLoader.load(UserProgram.class)) {
            m.put(p.name(), p.description());
        }
        return m;
    }

    /**
     * Runs program {@code name} on a new task in {@code USER} and waits for it; returns its exit
     * status. A program that throws gets status 1 and its exception on the console.
     *
     * @throws IllegalArgumentException if no program has that name
     */
    public int run(String name, List<String> args) {
        UserProgram program = ServiceLoader.load(UserProgram.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown program '" + name + "'; known: " + programs().keySet()));
        int[] status = new int[1];
        Gate user = iso.gate(Domain.USER);
        Thread main = iso.newThread("user-main", () -> {
            try {
                status[0] = user.callInt(() -> program.main(sys, List.copyOf(args)));
            } catch (ProgramExit e) {
                status[0] = e.status();
            } catch (RuntimeException e) {
                status[0] = 1;
                lastTermination = e;
                sys.write(Sys.STDERR, name + ": terminated by " + e + "\n");
            }
        });
        main.start();
        try {
            main.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the program ran", e);
        }
        return status[0];
    }

    /**
     * The exception that terminated the last program {@link #run}, if it died of one (a bounds
     * check, a kernel {@code SysError} it did not handle, ...): Java, not isolation, caught it.
     */
    public java.util.Optional<RuntimeException> lastTermination() {
        return java.util.Optional.ofNullable(lastTermination);
    }

    /** Hooks that inject faults into kernel internals, for the fault-injection experiments. */
    public FaultHooks faultHooks() {
        return new FaultHooks(unsafe, iso.gate(Domain.SAFE_KERNEL), secretMemory);
    }

    /** The system-call handle of the program's main task (for tests and benchmarks that drive the kernel directly). */
    public Sys sys() {
        return sys;
    }

    /** The isolation this kernel runs on: backend, regions, gates and their crossing counts. */
    public Isolation isolation() {
        return iso;
    }

    /** The user-to-kernel gate (every system call crosses it once). */
    public Gate syscallGate() {
        return iso.gate(Domain.SAFE_KERNEL);
    }

    /** The kernel-to-unsafe gate (every call into the unsafe kernel crosses it once). */
    public Gate unsafeGate() {
        return iso.gate(Domain.UNSAFE_KERNEL);
    }

    /**
     * {@code write_bytes} as the safe kernel calls it: {@code RawMemory.writeBytes} through the
     * gate into {@code UNSAFE_KERNEL}, one crossing (the artifact's {@code isolation_start!} /
     * {@code isolation_end!} pair), the path {@code calloc} and {@code mmap} take. Public for the
     * paper's {@code write_bytes} microbenchmark, which must time the kernel's own crossing, not
     * a copy of it. {@code address} must be memory the unsafe kernel may write, such as a block
     * from {@link #unsafeMalloc}.
     */
    public void writeBytes(long address, byte value, long len) {
        unsafe.writeBytes(address, value, len);
    }

    /**
     * Allocates {@code bytes} of unsafe-kernel memory from its heap and returns the address:
     * a buffer to hand to {@link #writeBytes}. Call it before a program runs (the heap is
     * otherwise guarded by the running kernel's lock); the block lives until {@link #close}.
     */
    public long unsafeMalloc(long bytes) {
        return scratchHeap.malloc(bytes);
    }

    /** The kernel secret, read by the kernel itself (through the vault's gate when there is a vault). */
    public byte[] secret() {
        return vault != null ? vault.call(() -> secretMemory.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE))
                : secretMemory.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    /** The gate into the drivers' domain ({@code DRIVER} if declared, else {@code UNSAFE_KERNEL}). */
    public Gate driverGate() {
        return unsafe.driverGate();
    }

    /** The paper's policy plus the optional domains of {@code config}. */
    static Policy policy(KernelConfig config) {
        Policy.Builder b = Policy.paper(config.kernelBytes(), config.userBytes()).toBuilder();
        for (OptionalDomain d : OptionalDomain.values()) {
            if (config.domains().contains(d)) {
                d.declare(b);
            }
        }
        return b.build();
    }

    private static MemorySegment slice(DomainMemory m, long address, long bytes) {
        return m.segment().asSlice(address - m.address(), bytes);
    }

    /**
     * SHA-256 over the safe-kernel state that no legal system call changes: the header page
     * with the kernel secret, and the data of every read-only file the kernel created at boot.
     * Equal before and after any correct run; a change means some code wrote kernel memory it
     * had no business writing.
     */
    public String integrityDigest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            DomainMemory safe = iso.memory(Domain.SAFE_KERNEL);
            md.update(safe.segment().asSlice(0, 4096).asByteBuffer());
            md.update(secret());
            for (long[] block : fs.readOnlyDataBlocks()) {
                md.update(safe.segment().asSlice(block[0] - safe.address(), block[1]).asByteBuffer());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Audits the kernel's allocators (block tables, free lists, address hash) for structural
     * damage; returns the first violation found, or {@code null}.
     */
    public String audit() {
        for (HeapAllocator h : List.of(kernelHeap, scratchHeap, userHeap)) {
            String problem = h.checkInvariants();
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Console frames the device rejected (bad CRC or a descriptor outside DMA memory). */
    public long consoleBadFrames() {
        return consoleDevice.badFrames();
    }

    /** Stops the devices and unmaps every region. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            consoleDevice.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            iso.close();
        }
    }

    /** A page allocator over {@code m} minus its first {@code skip} bytes, its bitmap in the kernel's tables. */
    private PageAllocator pages(String name, DomainMemory m, long skip) {
        long pages = (m.byteSize() - skip) / PageAllocator.PAGE;
        return new PageAllocator(name, tables.carve(PageAllocator.bitmapBytes(pages)), m.address() + skip, pages);
    }

    private static byte[] secret(Long seed) {
        byte[] s = new byte[SECRET_BYTES];
        if (seed == null) {
            new SecureRandom().nextBytes(s);
        } else {
            new SplittableRandom(seed).nextBytes(s);
        }
        return s;
    }

    /**
     * {@code /proc/layout}: where the domains and the secret are. A unikernel has no address
     * randomisation worth the name; publishing the layout makes the attacks honest about that
     * instead of relying on guesswork.
     */
    private String layoutText() {
        StringBuilder sb = new StringBuilder();
        for (Domain d : iso.policy().domains()) {
            DomainMemory m = iso.memory(d);
            sb.append(String.format("region %s 0x%x 0x%x%n", m.domain(), m.address(), m.address() + m.byteSize()));
        }
        sb.append(String.format("secret 0x%x %d%n", secretMemory.address(), SECRET_BYTES));
        sb.append(String.format("faulty-buffer 0x%x %d%n", unsafe.faultyBuffer(), FAULTY_BUFFER));
        sb.append(String.format("kernel-heap-records 0x%x %d%n", kernelHeap.recordsAddress(), kernelHeap.recordsInUseBytes()));
        return sb.toString();
    }

    /** {@code /dev/console}: output through the virtio console driver in the unsafe kernel. */
    private static final class ConsoleFile implements Device {
        private final UnsafeCalls unsafe;

        ConsoleFile(UnsafeCalls unsafe) {
            this.unsafe = unsafe;
        }

        @Override
        public long read(long offset, MemorySegment dst) {
            return 0;
        }

        @Override
        public long write(long offset, MemorySegment src) {
            return unsafe.consoleWrite(src);
        }
    }

    /** {@code /dev/null}. */
    private static final class NullFile implements Device {
        @Override
        public long read(long offset, MemorySegment dst) {
            return 0;
        }

        @Override
        public long write(long offset, MemorySegment src) {
            return src.byteSize();
        }
    }

    /** {@code /dev/faulty}: the driver with the planted bug; the file offset indexes its buffer unchecked. */
    private static final class FaultyFile implements Device {
        private final UnsafeCalls unsafe;

        FaultyFile(UnsafeCalls unsafe) {
            this.unsafe = unsafe;
        }

        @Override
        public long read(long offset, MemorySegment dst) {
            return unsafe.faultyRead(offset, dst);
        }

        @Override
        public long write(long offset, MemorySegment src) {
            return unsafe.faultyWrite(offset, src);
        }
    }
}
