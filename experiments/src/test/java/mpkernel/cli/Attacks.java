package mpkernel.cli;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every attack program, with what {@code ./mpk run} must say of it without isolation
 * ({@code none}: the attack works, so its test can fail) and with it ({@code mprotect} on the
 * host, {@code mpk} wherever PKU is usable: the attack is stopped). Written out by hand, per attack.
 */
final class Attacks {

    private Attacks() {
    }

    /** What a run must show. */
    sealed interface Expect {
        void check(String backend, CliHarness.Outcome o);
    }

    /** The launcher found the kernel secret in the output: exit 4. */
    record Leak() implements Expect {
        public void check(String backend, CliHarness.Outcome o) {
            assertEquals(RunCommand.KERNEL_COMPROMISED, o.status(), o.out());
            assertTrue(o.out().contains("kernel secret: LEAKED"), o.out());
        }
    }

    /** The kernel's integrity check found {@code what} changed: exit 4. */
    record Corrupt(String what) implements Expect {
        public void check(String backend, CliHarness.Outcome o) {
            assertEquals(RunCommand.KERNEL_COMPROMISED, o.status(), o.out());
            assertTrue(o.out().contains("kernel integrity: CORRUPTED: " + what), o.out());
            assertFalse(o.out().contains("LEAKED"), o.out());
        }
    }

    /** Isolation stopped code of domain {@code running} touching {@code owner}'s memory: exit 3, with the backend's own signal code. */
    record Fault(String running, String owner) implements Expect {
        public void check(String backend, CliHarness.Outcome o) {
            assertEquals(RunCommand.ISOLATION_FAULT, o.status(), o.out());
            String code = backend.equals("mpk") ? "SEGV_PKUERR" : "SEGV_ACCERR";
            assertTrue(Pattern.matches("PROTECTION FAULT: domain " + running + " accessed " + owner
                    + " memory at 0x[0-9a-f]+ \\(" + code + ", backend " + backend + "\\)", o.lastLine()), o.out());
            assertFalse(o.out().contains("LEAKED"), o.out());
        }
    }

    /** The run ended with {@code status}, intact and leak-free, its output holding every one of {@code lines}. */
    record Clean(int status, List<String> lines) implements Expect {
        public void check(String backend, CliHarness.Outcome o) {
            assertEquals(status, o.status(), o.out());
            for (String l : lines) {
                assertTrue(o.out().contains(l), "'" + l + "' in\n" + o.out());
            }
            assertFalse(o.out().contains("LEAKED") || o.out().contains("CORRUPTED") || o.out().contains("PROTECTION FAULT"), o.out());
        }
    }

    /** The kernel never got to sign its end-of-run report: exit 5. */
    record NoVerdict() implements Expect {
        public void check(String backend, CliHarness.Outcome o) {
            assertEquals(RunCommand.NO_VERDICT, o.status(), o.out());
            assertTrue(o.out().contains("NO VERDICT"), o.out());
        }
    }

    /**
     * One attack.
     *
     * @param name a label
     * @param args what follows {@code ./mpk run --backend B}
     * @param none what {@code none} must show
     * @param isolated what {@code mprotect} and {@code mpk} must show
     */
    record Attack(String name, List<String> args, Expect none, Expect isolated) {
    }

    static final List<Attack> ALL = List.of(
            new Attack("hello", List.of("hello"), clean("Hello, world"), clean("Hello, world")),
            new Attack("read-secret", List.of("attack-read-secret"), new Leak(), new Fault("USER", "SAFE_KERNEL")),
            new Attack("wild-write", List.of("attack-wild-write"), new Corrupt("the safe kernel's header page changed"),
                    new Fault("UNSAFE_KERNEL", "SAFE_KERNEL")),
            new Attack("rename-kernel-file", List.of("attack-wild-write", "dirent"), new Corrupt("directory entries (boot files) changed"),
                    new Fault("UNSAFE_KERNEL", "SAFE_KERNEL")),
            new Attack("driver-domain", List.of("--domains", "driver", "attack-wild-write", "unsafe"),
                    clean("the driver wrote 32 bytes at the unsafe target"), new Fault("DRIVER", "UNSAFE_KERNEL")),
            new Attack("vault-read", List.of("--domains", "vault", "attack-read-secret"), new Leak(), new Fault("USER", "VAULT")),
            new Attack("vault-bypass", List.of("--domains", "vault", "--inject", "vault-bypass", "hello"), clean("Hello, world"),
                    new Fault("SAFE_KERNEL", "VAULT")),
            // issue: user code run with kernel rights, threads that keep them, gate bookkeeping, mprotect outside gates
            new Attack("constructor", List.of("--repeat", "2", "attack-constructor"), new Leak(), new Fault("USER", "SAFE_KERNEL")),
            new Attack("exception-message", List.of("attack-tostring"), new Leak(), new Fault("USER", "SAFE_KERNEL")),
            new Attack("task-exception-message", List.of("attack-tostring", "task"), new Leak(), new Fault("USER", "SAFE_KERNEL")),
            new Attack("inherited-rights", List.of("attack-inherited-rights"), new Leak(), new Fault("USER", "SAFE_KERNEL")),
            new Attack("gate-stack", List.of("attack-gate-stack"), new Leak(), new Fault("USER", "SAFE_KERNEL")),
            new Attack("poll-after-main", List.of("attack-poll-after-main"), new Leak(), new Fault("USER", "SAFE_KERNEL")),
            // issue: the OS paths, secrets on shared memory, an unprotected alias, syscall semantics, forged verdicts
            new Attack("proc-self-mem", List.of("attack-proc-mem"), new Leak(),
                    new Clean(1, List.of("attack-proc-mem: refused: /proc/self/mem (Operation not permitted)"))),
            new Attack("proc-self-mem-write", List.of("attack-proc-mem", "write"), new Corrupt("the safe kernel's header page changed"),
                    new Clean(1, List.of("attack-proc-mem: refused: /proc/self/mem (Operation not permitted)"))),
            new Attack("heap-scan", List.of("attack-heap-scan"),
                    clean("canary on the Java heap found: yes", "copies of the kernel secret outside domain memory: 0"),
                    new Fault("USER", "SAFE_KERNEL")),
            new Attack("heap-scan-vault", List.of("--domains", "vault", "attack-heap-scan"),
                    clean("canary on the Java heap found: yes", "copies of the kernel secret outside domain memory: 0"),
                    new Fault("USER", "VAULT")),
            new Attack("device-memory", List.of("attack-device-memory"),
                    clean("alias mappings of domain memory: 0", "read the console ring: "), new Fault("USER", "UNSAFE_KERNEL")),
            new Attack("syscall-edges", List.of("attack-syscalls"),
                    clean("O_RDONLY|O_TRUNC on /proc/layout: refused, EROFS", "calloc(1, Long.MAX_VALUE): refused, ENOMEM"),
                    clean("O_RDONLY|O_TRUNC on /proc/layout: refused, EROFS", "calloc(1, Long.MAX_VALUE): refused, ENOMEM")),
            new Attack("quiet-exit", List.of("attack-quiet-exit"), new NoVerdict(), new Fault("UNSAFE_KERNEL", "SAFE_KERNEL")),
            // without protection the token is readable and the forged report passes: that is what isolation stops
            new Attack("forge-report", List.of("attack-forge-report"), clean("FORGED: signing with"), new Fault("USER", "SAFE_KERNEL")),
            // issue 17: a network driver that copies a frame it sends outside its buffers
            new Attack("net-driver-wild-write", List.of("--net", "loop", "--inject", "net-tx:secret", "tcp-send", "10.77.0.1", "9", "1"),
                    new Corrupt("the safe kernel's header page changed"), new Fault("UNSAFE_KERNEL", "SAFE_KERNEL")),
            new Attack("net-driver-domain", List.of("--domains", "driver", "--net", "loop", "--inject", "net-tx:unsafe",
                    "tcp-send", "10.77.0.1", "9", "1"), new Clean(1, List.of("tcp-send: 10.77.0.1:9: ECONNREFUSED")),
                    new Fault("DRIVER", "UNSAFE_KERNEL")),
            // issue 20: --domains per-task; task A hands its private memory to task B as a MemorySegment, B reads it once A
            // has ended (so that under mprotect no thread holds A's domain open); the fault names the code's domain, USER
            new Attack("task-neighbour", List.of("--domains", "per-task", "attack-task-neighbour"),
                    clean("task B read task A's secret: task-A-private-5ec7e7"), new Fault("USER", "TASK_[0-9]+")),
            new Attack("side-doors", List.of("confinement-probe"), new Clean(1, List.of("proc-self-mem: OPEN", "start-process: OPEN")),
                    clean("proc-self-mem: denied", "start-process: denied", "write-host-file: denied", "isolation-api: denied",
                            "sun-misc-unsafe: denied", "management-api: denied")));

    private static Clean clean(String... lines) {
        return new Clean(0, List.of(lines));
    }

    /** Checks the outcome {@code o} of {@code a} on {@code backend}. */
    static void check(Attack a, String backend, CliHarness.Outcome o) {
        try {
            (backend.equals("none") ? a.none() : a.isolated()).check(backend, o);
        } catch (AssertionError e) {
            throw new AssertionError(a.name() + " on " + backend + ": " + e.getMessage(), e);
        }
    }

    /** The {@code ./mpk} arguments that run {@code a} on {@code backend}. */
    static String[] command(Attack a, String backend) {
        List<String> cmd = new java.util.ArrayList<>(List.of("run", "--backend", backend));
        cmd.addAll(a.args());
        return cmd.toArray(String[]::new);
    }
}
