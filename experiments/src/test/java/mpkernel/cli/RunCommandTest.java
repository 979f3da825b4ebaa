package mpkernel.cli;

import java.util.List;
import java.util.Map;

import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./mpk run} end to end, each kernel in its own JVM on the real module path: programs,
 * the optional domains, JPMS confinement, and bad input. The attacks are in {@link AttackTest}.
 */
class RunCommandTest {

    @Test
    void helloCompletesOnEveryHostBackend() {
        for (String backend : List.of("none", "mprotect")) {
            CliHarness.Outcome o = CliHarness.mpk("run", "--backend", backend, "hello", "there");
            assertEquals(0, o.status(), o.out() + o.err());
            assertEquals("Hello, there, from pid 1 on mpkernel!", o.lastLine());
        }
    }

    @Test
    void theBootTraceNamesEveryPhaseOfAConfinedKernel() {
        CliHarness.Outcome o = CliHarness.mpk("run", "--backend", "mprotect", "--boot-trace", "hello");
        assertEquals(0, o.status(), o.err());
        String all = o.out() + o.err();
        assertTrue(all.matches("(?s).*mpk-boot-trace ms jvm=\\d+ catalog=\\d+ preload=\\d+ isolation=\\d+ wire=\\d+ confine=\\d+ runs=\\d+ end=\\d+.*"), all);
        assertTrue(!CliHarness.mpk("run", "--backend", "mprotect", "hello").out().contains("mpk-boot-trace"), "off unless asked for");
    }

    @Test
    void listingProgramsRunsNoProgramCode() {
        CliHarness.Outcome o = CliHarness.mpk("run", "--list");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("attack-inherited-rights"), o.out());
        // that program's class initialiser starts threads named early-*: had the listing loaded and
        // initialised it (as listing by ServiceLoader would), they would be running in this JVM now
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("early-")));
    }

    @Test
    void optionalDomainsConfineTheDriverAndTheVaultUnderMprotect() {
        optionalDomainsConfineTheDriverAndTheVault("mprotect");
    }

    @Test
    @Tag("mpk")
    void optionalDomainsConfineTheDriverAndTheVaultUnderMpk() {
        PkuGuest.skipReasonForMpkTests().ifPresent(Assumptions::abort);
        optionalDomainsConfineTheDriverAndTheVault("mpk");
    }

    @Test
    void perTaskDomainsGiveEachTaskItsOwnMemoryUnderMprotect() {
        CliHarness.Outcome o = CliHarness.mpk("run", "--backend", "mprotect", "--domains", "per-task", "attack-task-neighbour", "own");
        assertEquals(0, o.status(), o.out());
        assertTrue(o.out().contains("attack-task-neighbour own: two tasks, each its own memory: OK"), o.out());
        assertFalse(o.out().contains("PROTECTION FAULT") || o.out().contains("LEAKED") || o.out().contains("CORRUPTED"), o.out());
    }

    private static void optionalDomainsConfineTheDriverAndTheVault(String backend) {
        String code = backend.equals("mpk") ? "SEGV_PKUERR" : "SEGV_ACCERR";
        for (String target : List.of("secret", "unsafe", "user")) {
            CliHarness.Outcome o = CliHarness.mpk("run", "--backend", backend, "--domains", "driver", "attack-wild-write", target);
            assertEquals(RunCommand.ISOLATION_FAULT, o.status(), o.out());
            String owner = Map.of("secret", "SAFE_KERNEL", "unsafe", "UNSAFE_KERNEL", "user", "USER").get(target);
            assertTrue(o.lastLine().startsWith("PROTECTION FAULT: domain DRIVER accessed " + owner + " memory"), o.lastLine());
            assertTrue(o.lastLine().endsWith("(" + code + ", backend " + backend + ")"), o.lastLine());
        }
        // without its own domain the driver is unsafe-kernel code, which may write unsafe-kernel memory
        assertEquals(0, CliHarness.mpk("run", "--backend", backend, "attack-wild-write", "unsafe").status());

        CliHarness.Outcome both = CliHarness.mpk("run", "--backend", backend, "--domains", "driver,vault", "cat", "/proc/layout");
        assertEquals(0, both.status(), both.out());
        assertTrue(both.out().contains("region DRIVER 0x") && both.out().contains("region VAULT 0x"), both.out());
    }

    @Test
    void userModulesWithoutTheGrantAreConfinedByJpms() {
        // under none the OS doors are open (no confinement), but JPMS holds on every backend
        CliHarness.Outcome o = CliHarness.mpk("run", "--backend", "none", "confinement-probe");
        assertTrue(o.out().contains("restricted-method: denied (IllegalCallerException)"), o.out());
        assertTrue(o.out().contains("kernel-internals: denied"), o.out());
        assertTrue(o.out().contains("isolation-api: denied"), o.out());
    }

    @Test
    void badInputGetsOneLineAndStatusTwo() {
        for (String[] args : List.of(new String[] {"run", "no-such-program"}, new String[] {"run", "--backend", "mpx", "hello"},
                new String[] {"run"}, new String[] {"run", "--host-file", "x=/no/such/file", "cat"}, new String[] {"frobnicate"},
                new String[] {"run", "--timeout", "0", "hello"}, new String[] {"run", "--repeat", "0", "hello"},
                new String[] {"run", "--net", "wifi", "tcp-echo"})) {
            CliHarness.Outcome o = CliHarness.mpk(args);
            assertEquals(Main.USAGE, o.status(), String.join(" ", args));
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().startsWith("mpk: "), o.err());
        }
    }

}
