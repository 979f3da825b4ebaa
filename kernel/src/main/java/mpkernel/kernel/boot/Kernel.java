package mpkernel.kernel.boot;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import mpkernel.isolation.Access;
import mpkernel.isolation.Domain;
import mpkernel.isolation.DomainMemory;
import mpkernel.isolation.Gate;
import mpkernel.isolation.Isolation;
import mpkernel.isolation.Policy;
import mpkernel.isolation.TaskDomains;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.core.KernelCore;
import mpkernel.kernel.core.SyscallHandle;
import mpkernel.kernel.core.Tasks;
import mpkernel.kernel.core.UnsafeCalls;
import mpkernel.kernel.fs.Device;
import mpkernel.kernel.fs.FileSystem;
import mpkernel.kernel.host.ConsoleDevice;
import mpkernel.kernel.mm.HeapAllocator;
import mpkernel.kernel.mm.PageAllocator;
import mpkernel.kernel.mm.StaticArea;

/**
 * One unikernel instance: its domains, their memory, the drivers, the file system and the
 * programs it runs. {@link #boot} sets it up, {@link #run} runs a program on a task,
 * {@link #close} shuts down and unmaps everything.
 *
 * <p>Boot works on domain memory only inside the gate into {@code SAFE_KERNEL}; outside gates
 * the booting thread has no rights on any region. Safe-kernel region layout: a header page
 * (magic, the 32-byte kernel secret at {@link #SECRET_OFFSET}), then the kernel's tables (page
 * bitmaps, heap records, inode, directory and file tables, the golden copies of the integrity
 * check, the report token) in the first {@link #STATIC_BYTES}, then the kernel heap's pages.
 *
 * <p>Besides the paper's three domains and the optional ones, every kernel declares
 * {@link #DEVICE}: the emulated virtio devices, which stand for the host and may touch the
 * driver's memory (its rings and DMA buffers) and nothing else.
 *
 * <p>A kernel booted with a network ({@link KernelConfig#net}) also has a virtio-net card:
 * see {@link Network}; its sockets are system calls ({@code SocketCalls}), its stack is in
 * safe-kernel memory, and {@code /proc/net} shows it.
 */
public final class Kernel implements AutoCloseable {

    /** Offset of the kernel secret in the safe-kernel region. */
    public static final long SECRET_OFFSET = 64;
    /** Bytes of the secret. */
    public static final int SECRET_BYTES = 32;
    /** The emulated devices' domain. */
    public static final Domain DEVICE = new Domain("DEVICE");
    static final long STATIC_BYTES = 8L << 20;
    static final int QUEUE_SIZE = 16;
    static final long FAULTY_BUFFER = 4096;

    private final KernelConfig config;
    private final Isolation iso;
    private final Gate safeGate;
    private StaticArea tables;
    private FileSystem fs;
    private HeapAllocator userHeap;
    private HeapAllocator kernelHeap;
    private HeapAllocator unsafeHeap;
    private ConsoleDevice consoleDevice;
    private Sys sys;
    private UnsafeCalls unsafe;
    private Secret secret;
    private Integrity integrity;
    private ReportChannel reports;
    private ProgramRunner runner;
    private Network network;
    private long ring;
    private String confinement;
    private boolean closed;
    private volatile String lastTermination;

    private Kernel(KernelConfig config) {
        this.config = config;
        this.confinement = "confinement: off (" + (config.backend() == mpkernel.isolation.Backend.NONE
                ? "backend none: the unisolated baseline)" : "a kernel inside a JVM that also runs other code)");
        if (config.confine()) {
            Preload.modules();
            BootTrace.mark("preload");
        }
        this.iso = Isolation.boot(config.backend(), policy(config), config.base());
        this.safeGate = iso.gate(Domain.SAFE_KERNEL);
        BootTrace.mark("isolation");
        try {
            safeGate.run(this::wire);
            consoleDevice.start();
            if (network != null) {
                network.start();
            }
            BootTrace.mark("wire");
            if (config.confine()) {
                Preload.warmUp();
                confinement = iso.confine(config.strict());
                BootTrace.mark("confine");
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Boots a kernel. */
    public static Kernel boot(KernelConfig config) {
        return new Kernel(config);
    }

    /** Builds everything on domain memory; runs inside the gate into {@code SAFE_KERNEL}. */
    private void wire() {
        DomainMemory safe = iso.memory(Domain.SAFE_KERNEL);
        DomainMemory scratch = iso.memory(Domain.UNSAFE_KERNEL);
        DomainMemory user = iso.memory(Domain.USER);
        boolean ownDriver = config.domains().contains(OptionalDomain.DRIVER);
        DomainMemory dmaMemory = ownDriver ? iso.memory(OptionalDomain.DRIVER.domain()) : scratch;
        tables = new StaticArea(safe.segment().asSlice(0, STATIC_BYTES));
        MemorySegment header = tables.carve(4096);
        header.setString(0, "mpkernel safe kernel", StandardCharsets.US_ASCII);
        if (config.domains().contains(OptionalDomain.VAULT)) {
            secret = new Secret(iso.memory(OptionalDomain.VAULT.domain()).segment().asSlice(0, SECRET_BYTES),
                    iso.gate(OptionalDomain.VAULT.domain()));
        } else {
            secret = new Secret(header.asSlice(SECRET_OFFSET, SECRET_BYTES), safeGate);
        }
        if (config.reports()) {
            reports = ReportChannel.open(tables, safeGate, secret);
        } else {
            secret.fill(config.secretSeed());
        }

        PageAllocator safePages = pages("safe-kernel", safe, STATIC_BYTES);
        PageAllocator scratchPages = pages("unsafe-kernel", scratch, 0);
        PageAllocator userPages = pages("user", user, 0);
        kernelHeap = new HeapAllocator("kernel heap", safePages, tables, 16384);
        unsafeHeap = new HeapAllocator("unsafe-kernel heap", scratchPages, tables, 16384);
        userHeap = new HeapAllocator("user heap", userPages, tables, 65536);
        fs = new FileSystem(tables, kernelHeap, safe.segment());

        PageAllocator dmaPages = ownDriver ? pages("driver", dmaMemory, 0) : scratchPages;
        MemorySegment staging = ownDriver ? slice(dmaMemory, dmaPages.allocate(2), 2 * PageAllocator.PAGE) : null;
        unsafe = new UnsafeCalls(iso.gate(Domain.UNSAFE_KERNEL), iso.gate(dmaMemory.domain()), staging);
        ring = dmaPages.allocate(1);
        long dma = dmaPages.allocate((unsafe.consoleDmaBytes() + PageAllocator.PAGE - 1) / PageAllocator.PAGE);
        consoleDevice = new ConsoleDevice(iso.gate(DEVICE), dmaMemory.segment(), ring, QUEUE_SIZE, config.console(),
                task -> iso.newThread("virtio-console-device", null, task));
        unsafe.attachConsole(ring, QUEUE_SIZE, dma, consoleDevice);
        unsafe.attachFaulty(ownDriver ? dmaPages.allocate(1) : unsafeHeap.malloc(FAULTY_BUFFER), FAULTY_BUFFER);
        if (config.net().kind() != NetSpec.Kind.NONE) {
            network = Network.wire(config.net(), new Network.Parts(tables, safe, safePages, dmaMemory, dmaPages, user, unsafe, safeGate,
                    iso.gate(DEVICE), task -> iso.newThread("virtio-net", null, task)));
            fs.addDevice("/proc/net", network.procFile());
        }

        fs.addDevice("/dev/console", new ConsoleFile(unsafe));
        fs.addDevice("/dev/null", new NullFile());
        fs.addDevice("/dev/faulty", new FaultyFile(unsafe));
        fs.bind(0, "/dev/null", Sys.O_RDONLY);
        fs.bind(1, "/dev/console", Sys.O_WRONLY);
        fs.bind(2, "/dev/console", Sys.O_WRONLY);
        fs.addReadOnlyFile("/proc/layout", layoutText());
        new TreeMap<>(config.hostFiles()).forEach(fs::addHostFile);
        fs.sealBoot();

        Tasks tasks = new Tasks(iso, iso.gate(Domain.USER), config.domains().contains(OptionalDomain.PER_TASK)
                ? TaskDomains.declared(null, OptionalDomain.TASKS).attach(iso) : null);
        KernelCore core = new KernelCore(user, scratch, userPages, userHeap, unsafeHeap, fs, unsafe, tasks, 1);
        sys = network == null ? new SyscallHandle(safeGate, core)
                : new SyscallHandle(safeGate, core, network.calls(), network.waits(), network);
        runner = new ProgramRunner(iso, sys, ProgramCatalog.ofThisJvm());
        integrity = integrityOf(header);
    }

    /** What the integrity check covers: see {@link #integrity()}. */
    private Integrity integrityOf(MemorySegment header) {
        Integrity in = new Integrity();
        in.cover("the safe kernel's header page", header, tables.carve(header.byteSize()), safeGate);
        fs.bootState().forEach((name, live) -> in.cover(name, live, tables.carve(live.byteSize()), safeGate));
        List<MemorySegment> records = kernelHeap.allocatedRecords();
        for (int i = 0; i < records.size(); i++) {
            in.cover("kernel heap record of a boot block (" + i / 2 + ")", records.get(i), tables.carve(records.get(i).byteSize()), safeGate);
        }
        if (secret.gate() != safeGate) {
            MemorySegment vault = iso.memory(OptionalDomain.VAULT.domain()).segment();
            in.cover("the vault's secret", secret.memory(), vault.asSlice(4096, SECRET_BYTES), secret.gate());
        }
        for (HeapAllocator h : List.of(kernelHeap, unsafeHeap, userHeap)) {
            in.audit(h::checkInvariants);
        }
        if (network != null) {
            MemorySegment iface = network.stack().configuration();
            in.cover("the network interface's configuration", iface, tables.carve(iface.byteSize()), safeGate);
            in.audit(network.heap()::checkInvariants);
            in.audit(network.stack()::checkInvariants);
        }
        in.audit(fs::checkInvariants);
        return in;
    }

    /**
     * Runs program {@code name} on a new task in {@code USER} and waits for it; returns its exit
     * status. A program that throws gets status 1 and a description of its exception, made
     * inside the user gate, on its console.
     *
     * @throws IllegalArgumentException if no program has that name
     */
    public int run(String name, List<String> args) {
        ProgramRunner.Result r = runner.run(name, args);
        lastTermination = r.termination();
        return r.status();
    }

    /**
     * What terminated the last program {@link #run}, if it died of an exception (a bounds
     * check, a kernel {@code SysError} it did not handle, ...): Java, not isolation, caught
     * it. The class name and message, as described inside the user gate.
     */
    public java.util.Optional<String> lastTermination() {
        return java.util.Optional.ofNullable(lastTermination);
    }

    /** Hooks that inject faults into kernel internals, for the fault-injection experiments. */
    public FaultHooks faultHooks() {
        return new FaultHooks(unsafe, safeGate, secret, network == null ? null : network.stack().configuration().address(),
                iso.memory(Domain.UNSAFE_KERNEL), iso.memory(Domain.USER));
    }

    /** The network, if the kernel has one (for tests). */
    Network network() {
        return network;
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
        return safeGate;
    }

    /** The kernel-to-unsafe gate (every call into the unsafe kernel crosses it once). */
    public Gate unsafeGate() {
        return iso.gate(Domain.UNSAFE_KERNEL);
    }

    /** The gate into the drivers' domain ({@code DRIVER} if declared, else {@code UNSAFE_KERNEL}). */
    public Gate driverGate() {
        return unsafe.driverGate();
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
        return safeGate.callLong(() -> unsafeHeap.malloc(bytes));
    }

    /**
     * Whether {@code text} (a program's output, say) holds the kernel secret, raw or in hex:
     * compared inside the secret's own domain, never copied out of it.
     */
    public boolean leaks(byte[] text) {
        return secret.appearsIn(text);
    }

    /**
     * What changed in the state no run may change, and which structural audits fail: empty
     * if the kernel is intact. Covered, each against a golden copy made at boot in the same
     * domain and compared in place: the safe kernel's header page (the secret with it), the
     * inode and directory rows of every file that existed at boot and the data of the
     * read-only ones, the kernel heap's records of blocks allocated at boot, and the vault's
     * secret. Audited: every allocator's block tables and free lists, the file system's tables.
     */
    public List<String> integrity() {
        return integrity.check(safeGate);
    }

    /** Signs and sends {@code payload} to the parent process ({@link ReportChannel}). */
    public void report(String payload) {
        if (reports == null) {
            throw new IllegalStateException("this kernel was booted without a report channel");
        }
        reports.send(payload);
    }

    /** Whether reports carry the parent's token. */
    public boolean reportsSigned() {
        return reports != null && reports.signed();
    }

    /** One line: what this process's confinement shuts and what it leaves open. */
    public String confinement() {
        return confinement;
    }

    /** Console frames the device rejected (bad CRC or a descriptor outside the driver's memory). */
    public long consoleBadFrames() {
        return consoleDevice.badFrames();
    }

    /**
     * The policy of a kernel with {@code domains} and those region sizes: the paper's three
     * domains, {@link #DEVICE} with rights on the driver's memory, and the optional domains.
     * A parent process computes the layout of its child kernel from it.
     */
    public static Policy policy(java.util.Set<OptionalDomain> domains, long kernelBytes, long userBytes) {
        Policy.Builder b = Policy.paper(kernelBytes, userBytes).toBuilder();
        for (OptionalDomain d : OptionalDomain.values()) {
            if (domains.contains(d)) {
                d.declare(b);
            }
        }
        Domain dma = domains.contains(OptionalDomain.DRIVER) ? OptionalDomain.DRIVER.domain() : Domain.UNSAFE_KERNEL;
        return b.domain(DEVICE, PageAllocator.PAGE).grant(DEVICE, Access.READ_WRITE, dma).build();
    }

    /** The policy of a kernel booted with {@code config}. */
    public static Policy policy(KernelConfig config) {
        return policy(config.domains(), config.kernelBytes(), config.userBytes());
    }

    private static MemorySegment slice(DomainMemory m, long address, long bytes) {
        return m.segment().asSlice(address - m.address(), bytes);
    }

    /** Stops the devices and unmaps every region. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (network != null) {
                network.stop();
            }
            if (consoleDevice != null) {
                consoleDevice.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (fs != null) {
                fs.closeHostFiles();
            }
            iso.close();
        }
    }

    /** A page allocator over {@code m} minus its first {@code skip} bytes, its bitmap in the kernel's tables. */
    private PageAllocator pages(String name, DomainMemory m, long skip) {
        long pages = (m.byteSize() - skip) / PageAllocator.PAGE;
        return new PageAllocator(name, tables.carve(PageAllocator.bitmapBytes(pages)), m.address() + skip, pages);
    }

    /**
     * {@code /proc/layout}: where the domains, the secret and the kernel's tables are. A
     * unikernel has no address randomisation worth the name; publishing the layout makes the
     * attacks honest about that instead of relying on guesswork.
     */
    private String layoutText() {
        StringBuilder sb = new StringBuilder();
        for (Domain d : iso.policy().domains()) {
            DomainMemory m = iso.memory(d);
            sb.append(String.format("region %s 0x%x 0x%x%n", m.domain(), m.address(), m.address() + m.byteSize()));
        }
        sb.append(String.format("secret 0x%x %d%n", secret.address(), SECRET_BYTES));
        sb.append(String.format("faulty-buffer 0x%x %d%n", unsafe.faultyBuffer(), FAULTY_BUFFER));
        sb.append(String.format("kernel-heap-records 0x%x %d%n", kernelHeap.recordsAddress(), kernelHeap.recordsInUseBytes()));
        sb.append(String.format("fs-directory 0x%x %d%n", fs.directoryAddress(), fs.directoryBytes()));
        sb.append(String.format("console-ring 0x%x %d%n", ring, consoleDevice.ringBytes()));
        return sb.toString();
    }

    /** Names of the programs this JVM can run, with their descriptions. */
    public static Map<String, String> programs() {
        Map<String, String> m = new TreeMap<>();
        ProgramCatalog.ofThisJvm().programs().forEach((name, e) -> m.put(name, e.description()));
        return m;
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
