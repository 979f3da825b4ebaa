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
import mpkernel.kernel.core.DeviceFiles;
import mpkernel.kernel.core.KernelCore;
import mpkernel.kernel.core.SyscallHandle;
import mpkernel.kernel.core.Tasks;
import mpkernel.kernel.core.UnsafeCalls;
import mpkernel.kernel.fs.FileSystem;
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
 * <p>The boot sequence hands each job to one class: {@link KernelMemory} (page allocators and
 * heaps), {@link Console} and {@link Network} (drivers and devices), {@code DeviceFiles}
 * ({@code /dev/}), {@link ProcLayoutText} ({@code /proc/layout}), {@link Integrity} and
 * {@link ProgramRunner}.
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
    static final long FAULTY_BUFFER = 4096;

    private final KernelConfig config;
    private final Isolation iso;
    private final Gate safeGate;
    private StaticArea tables;
    private FileSystem fs;
    private KernelMemory memory;
    private Console console;
    private Sys sys;
    private UnsafeCalls unsafe;
    private Secret secret;
    private Integrity integrity;
    private ReportChannel reports;
    private ProgramRunner runner;
    private Network network;
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
            console.start();
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

    /**
     * Builds everything on domain memory; runs inside the gate into {@code SAFE_KERNEL}: the
     * header page and the secret, the memory plan ({@link KernelMemory}), the file system, the
     * drivers ({@link Console}, the faulty driver, {@link Network}) and their device files
     * ({@link DeviceFiles}), the system calls and the integrity check.
     */
    private void wire() {
        tables = new StaticArea(iso.memory(Domain.SAFE_KERNEL).segment().asSlice(0, STATIC_BYTES));
        MemorySegment header = tables.carve(4096);
        header.setString(0, "mpkernel safe kernel", StandardCharsets.US_ASCII);
        DomainMemory vault = config.domains().contains(OptionalDomain.VAULT) ? iso.memory(OptionalDomain.VAULT.domain()) : null;
        if (vault != null) {
            secret = new Secret(vault.segment().asSlice(0, SECRET_BYTES), iso.gate(OptionalDomain.VAULT.domain()));
        } else {
            secret = new Secret(header.asSlice(SECRET_OFFSET, SECRET_BYTES), safeGate);
        }
        if (config.reports()) {
            reports = ReportChannel.open(tables, safeGate, secret);
        } else {
            secret.fill(config.secretSeed());
        }

        memory = KernelMemory.plan(iso, tables, config.domains().contains(OptionalDomain.DRIVER));
        fs = new FileSystem(tables, memory.kernelHeap(), memory.safe().segment());

        MemorySegment staging = memory.ownDriver() ? memory.driverSlice(2) : null;
        unsafe = new UnsafeCalls(iso.gate(Domain.UNSAFE_KERNEL), iso.gate(memory.driver().domain()), staging);
        console = Console.wire(memory.driver(), memory.driverPages(), unsafe, iso.gate(DEVICE), config.console(),
                task -> iso.newThread("virtio-console-device", null, task));
        unsafe.attachFaulty(memory.ownDriver() ? memory.driverPages().allocate(1) : memory.unsafeHeap().malloc(FAULTY_BUFFER),
                FAULTY_BUFFER);
        if (config.net().kind() != NetSpec.Kind.NONE) {
            network = Network.wire(config.net(), new Network.Parts(tables, memory.safe(), memory.safePages(), memory.driver(),
                    memory.driverPages(), memory.user(), unsafe, safeGate, iso.gate(DEVICE), task -> iso.newThread("virtio-net", null, task)));
            fs.addDevice("/proc/net", network.procFile());
        }

        fs.addDevice("/dev/console", DeviceFiles.console(unsafe));
        fs.addDevice("/dev/null", DeviceFiles.nul());
        fs.addDevice("/dev/faulty", DeviceFiles.faulty(unsafe, memory.unsafeHeap(), memory.unsafe()));
        fs.bind(0, "/dev/null", Sys.O_RDONLY);
        fs.bind(1, "/dev/console", Sys.O_WRONLY);
        fs.bind(2, "/dev/console", Sys.O_WRONLY);
        fs.addReadOnlyFile("/proc/layout", ProcLayoutText.of(iso, secret, unsafe.faultyBuffer(), FAULTY_BUFFER,
                memory.kernelHeap(), fs, console));
        new TreeMap<>(config.hostFiles()).forEach(fs::addHostFile);
        fs.sealBoot();

        Tasks tasks = new Tasks(iso, iso.gate(Domain.USER), config.domains().contains(OptionalDomain.PER_TASK)
                ? TaskDomains.declared(null, OptionalDomain.TASKS).attach(iso) : null);
        KernelCore core = new KernelCore(memory.user(), memory.userPages(), memory.userHeap(), fs, unsafe, tasks, 1);
        sys = network == null ? new SyscallHandle(safeGate, core)
                : new SyscallHandle(safeGate, core, network.calls(), network.waits(), network);
        runner = new ProgramRunner(iso, sys, ProgramCatalog.ofThisJvm());
        integrity = Integrity.atBoot(tables, header, safeGate, fs, memory, secret, vault, network);
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
     * Allocates {@code bytes} from the unsafe-kernel heap and returns the address:
     * a buffer to hand to {@link #writeBytes}. Call it before a program runs (the heap is
     * otherwise guarded by the running kernel's lock); the block lives until {@link #close}.
     */
    public long unsafeMalloc(long bytes) {
        return safeGate.callLong(() -> memory.unsafeHeap().malloc(bytes));
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
        return console.badFrames();
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
            if (console != null) {
                console.stop();
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

    /** Names of the programs this JVM can run, with their descriptions. */
    public static Map<String, String> programs() {
        Map<String, String> m = new TreeMap<>();
        ProgramCatalog.ofThisJvm().programs().forEach((name, e) -> m.put(name, e.description()));
        return m;
    }
}
