package mpkernel.isolation;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Child-JVM probe of {@link Confinement}: boots an isolation, confines the process, then tries
 * each door and prints {@code CHECK name open|shut}. Usage: {@code ConfinementProbe BACKEND}.
 */
public final class ConfinementProbe {

    public static void main(String[] args) throws Exception {
        Backend backend = Backend.parse(args[0]);
        Policy virtual = Policy.builder().domain(Domain.SAFE_KERNEL, 1 << 16)
                .virtualDomain(new Domain("V1"), 1 << 16).virtualDomain(new Domain("V2"), 1 << 16).keyCache(1).build();
        try (Isolation iso = Isolation.boot(backend, Policy.paper(1 << 20, 1 << 20));
             Isolation dry = Isolation.boot(Backend.MPK_DRY, virtual)) {
            long own = Libc.mmapAnonymous(Libc.PAGE, Libc.PROT_READ | Libc.PROT_WRITE);
            // a confined process opens no files, class files and native libraries included: run
            // each path once before, so that a check fails only for the door it tries
            check("warm-up", () -> {
                Path tmp = Files.createTempFile("mpk-probe", ".txt");
                Files.writeString(tmp, String.format("%x %d %s %.2f", 255, 1, "s", 1.5));
                try (RandomAccessFile f = new RandomAccessFile(tmp.toFile(), "r")) {
                    f.read();
                }
                Files.delete(tmp);
                new ProcessBuilder("true").start().waitFor();
                iso.gate(Domain.SAFE_KERNEL).run(() -> { });
                Libc.pkeyAlloc(0);
                Libc.pkeyMprotect(own, Libc.PAGE, Libc.PROT_READ | Libc.PROT_WRITE, 0);
                dry.gate(new Domain("V1")).run(() -> { });
                Thread.ofVirtual().start(() -> { }).join();
            });
            dry.keyCache().rehearse(); // what dry.confine would do: one process takes one filter, iso's
            System.out.println(iso.confine(true));
            DomainMemory safe = iso.memory(Domain.SAFE_KERNEL);
            check("open-proc-maps", () -> Files.readAllBytes(Path.of("/proc/self/maps")));
            check("open-proc-self-mem", () -> new RandomAccessFile("/proc/self/mem", "r").close());
            check("create-file", () -> Files.writeString(Path.of("/tmp/mpk-confinement-probe"), "x"));
            check("libc-mprotect-region", () -> Libc.mprotect(safe.address(), Libc.PAGE, Libc.PROT_READ | Libc.PROT_WRITE));
            check("libc-munmap-region", () -> Libc.munmap(safe.address(), Libc.PAGE));
            check("map-fixed-over-region", () -> Libc.mmapAnonymousAt(safe.address(), Libc.PAGE));
            check("pkey-alloc", () -> {
                Libc.Result r = Libc.pkeyAlloc(0);
                if (r.failed()) {
                    throw new IllegalStateException("errno " + r.errno());
                }
            });
            check("libc-pkey-mprotect", () -> {
                Libc.Result r = Libc.pkeyMprotect(own, Libc.PAGE, Libc.PROT_READ | Libc.PROT_WRITE, 0);
                if (r.failed()) {
                    throw new IllegalStateException("errno " + r.errno());
                }
            });
            check("spawn-process", () -> new ProcessBuilder("true").start().waitFor());
            check("another-seccomp-filter", () -> {
                // a null program: EFAULT where filters may be added, EPERM where the filter refuses the call
                Libc.Result r = Libc.prctl(22 /* PR_SET_SECCOMP */, 2 /* SECCOMP_MODE_FILTER */, 0, 0, 0);
                throw new IllegalStateException("errno " + r.errno());
            });
            // what must still work
            check("libc-mprotect-own-memory", () -> Libc.mprotect(own, Libc.PAGE, Libc.PROT_READ));
            check("gate-crossing", () -> iso.gate(Domain.SAFE_KERNEL).run(() -> safe.segment().set(JAVA_LONG, 0, 7)));
            check("platform-thread", () -> {
                Thread t = new Thread(() -> { });
                t.start();
                t.join();
            });
            check("virtual-thread", () -> Thread.ofVirtual().start(() -> { }).join());
            // each crossing evicts the other virtual domain: the key cache re-tags through the gates' own syscall
            check("virtual-domain-evictions", () -> {
                for (int i = 0; i < 4; i++) {
                    dry.gate(new Domain(i % 2 == 0 ? "V2" : "V1")).run(() -> { });
                }
                if (dry.keyLoads() < 5) {
                    throw new IllegalStateException("only " + dry.keyLoads() + " loads");
                }
            });
        }
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static void check(String name, Attempt attempt) {
        String result;
        try {
            attempt.run();
            result = "open";
        } catch (Exception | Error e) {
            result = "shut " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
        System.out.println("CHECK " + name + " " + result);
        System.out.flush();
    }
}
