package mpkernel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./mpk run} end to end, each kernel in its own JVM on the real module path: the attack
 * matrix on every backend (mpk inside the PKU guest), JPMS confinement, and bad input.
 */
class RunCommandTest {

    private static final Pattern STOLEN = Pattern.compile("stolen kernel secret: ([0-9a-f]{64})");

    @Test
    void helloCompletesOnEveryHostBackend() {
        for (String backend : List.of("none", "mprotect")) {
            CliHarness.Outcome o = CliHarness.mpk("run", "--backend", backend, "hello", "there");
            assertEquals(0, o.status(), o.out() + o.err());
            assertEquals("Hello, there, from pid 1 on mpkernel!", o.lastLine());
        }
    }

    @Test
    void attacksSucceedOnTheUnisolatedBuild() {
        CliHarness.Outcome read = CliHarness.mpk("run", "--backend", "none", "attack-read-secret");
        assertEquals(0, read.status(), read.out());
        assertTrue(STOLEN.matcher(read.out()).find(), read.out());

        CliHarness.Outcome write = CliHarness.mpk("run", "--backend", "none", "attack-wild-write");
        assertEquals(0, write.status(), write.out());
        assertTrue(write.out().contains("kernel integrity: CORRUPTED"), write.out());
    }

    @Test
    void attacksAreStoppedByMprotect() {
        CliHarness.Outcome read = CliHarness.mpk("run", "--backend", "mprotect", "attack-read-secret");
        assertEquals(RunCommand.ISOLATION_FAULT, read.status(), read.out());
        assertTrue(read.lastLine().matches("PROTECTION FAULT: domain USER accessed SAFE_KERNEL memory at 0x[0-9a-f]+ \\(SEGV_ACCERR, backend mprotect\\)"),
                read.lastLine());
        assertTrue(!STOLEN.matcher(read.out()).find(), "nothing leaked");

        CliHarness.Outcome write = CliHarness.mpk("run", "--backend", "mprotect", "attack-wild-write");
        assertEquals(RunCommand.ISOLATION_FAULT, write.status(), write.out());
        assertTrue(write.lastLine().matches("PROTECTION FAULT: domain UNSAFE_KERNEL accessed SAFE_KERNEL memory at 0x[0-9a-f]+ \\(SEGV_ACCERR, backend mprotect\\)"),
                write.lastLine());
    }

    @Test
    void attacksAreStoppedByMpkInsideThePkuGuest() {
        requireGuest();
        String java = PkuGuest.javaLauncher();
        StringBuilder script = new StringBuilder();
        Map<String, String> runs = new java.util.LinkedHashMap<>();
        runs.put("hello", "hello");
        runs.put("attack-read-secret", "attack-read-secret");
        runs.put("attack-wild-write", "attack-wild-write");
        runs.put("driver-unsafe", "--domains driver attack-wild-write unsafe");
        runs.put("vault-read", "--domains vault attack-read-secret");
        runs.put("vault-bypass", "--domains vault --inject vault-bypass hello");
        runs.forEach((name, args) -> script.append(quote(java))
                .append(" --enable-native-access=mpkernel.isolation,mpkernel.unsafezone,mpkernel.attacks")
                .append(" --add-modules=ALL-MODULE-PATH -Dmpk.modulePath=").append(quote(Launch.modulePath()))
                .append(" -p ").append(quote(Launch.modulePath()))
                .append(" -m mpkernel.experiments/mpkernel.cli.Main run --backend mpk ").append(args)
                .append("; echo \"EXIT ").append(name).append(" $?\"\n"));
        PkuGuest.Result r = PkuGuest.run(List.of("sh", "-c", script.toString()));
        assertEquals(0, r.exitCode(), r.output());
        Map<String, List<String>> byProgram = split(r.output());
        assertEquals(List.of("Hello, world, from pid 1 on mpkernel!", "EXIT hello 0"), byProgram.get("hello"));
        List<String> read = byProgram.get("attack-read-secret");
        assertEquals("EXIT attack-read-secret 3", read.getLast(), r.output());
        assertTrue(read.get(read.size() - 2).matches("PROTECTION FAULT: domain USER accessed SAFE_KERNEL memory at 0x[0-9a-f]+ \\(SEGV_PKUERR, backend mpk\\)"),
                r.output());
        List<String> write = byProgram.get("attack-wild-write");
        assertEquals("EXIT attack-wild-write 3", write.getLast(), r.output());
        assertTrue(write.get(write.size() - 2).matches("PROTECTION FAULT: domain UNSAFE_KERNEL accessed SAFE_KERNEL memory at 0x[0-9a-f]+ \\(SEGV_PKUERR, backend mpk\\)"),
                r.output());
        Map<String, String> domainCases = Map.of("driver-unsafe", "domain DRIVER accessed UNSAFE_KERNEL",
                "vault-read", "domain USER accessed VAULT", "vault-bypass", "domain SAFE_KERNEL accessed VAULT");
        domainCases.forEach((name, expected) -> {
            List<String> lines = byProgram.get(name);
            assertEquals("EXIT " + name + " 3", lines.getLast(), r.output());
            assertTrue(lines.get(lines.size() - 2).startsWith("PROTECTION FAULT: " + expected + " memory")
                    && lines.get(lines.size() - 2).endsWith("(SEGV_PKUERR, backend mpk)"), r.output());
        });
    }

    @Test
    void optionalDomainsConfineTheDriverAndTheVaultUnderMprotect() {
        for (String target : List.of("secret", "unsafe", "user")) {
            CliHarness.Outcome o = CliHarness.mpk("run", "--backend", "mprotect", "--domains", "driver", "attack-wild-write", target);
            assertEquals(RunCommand.ISOLATION_FAULT, o.status(), o.out());
            String owner = Map.of("secret", "SAFE_KERNEL", "unsafe", "UNSAFE_KERNEL", "user", "USER").get(target);
            assertTrue(o.lastLine().startsWith("PROTECTION FAULT: domain DRIVER accessed " + owner + " memory"), o.lastLine());
        }
        // without its own domain the driver is unsafe-kernel code, which may write unsafe-kernel memory
        assertEquals(0, CliHarness.mpk("run", "--backend", "mprotect", "attack-wild-write", "unsafe").status());

        CliHarness.Outcome read = CliHarness.mpk("run", "--backend", "mprotect", "--domains", "vault", "attack-read-secret");
        assertTrue(read.lastLine().startsWith("PROTECTION FAULT: domain USER accessed VAULT memory"), read.lastLine());
        CliHarness.Outcome bypass = CliHarness.mpk("run", "--backend", "mprotect", "--domains", "vault", "--inject", "vault-bypass", "hello");
        assertEquals(RunCommand.ISOLATION_FAULT, bypass.status(), bypass.out());
        assertTrue(bypass.lastLine().startsWith("PROTECTION FAULT: domain SAFE_KERNEL accessed VAULT memory"), bypass.lastLine());
        assertEquals(0, CliHarness.mpk("run", "--backend", "none", "--domains", "vault", "--inject", "vault-bypass", "hello").status());

        CliHarness.Outcome both = CliHarness.mpk("run", "--backend", "mprotect", "--domains", "driver,vault", "cat", "/proc/layout");
        assertEquals(0, both.status(), both.out());
        assertTrue(both.out().contains("region DRIVER 0x") && both.out().contains("region VAULT 0x"), both.out());
    }

    @Test
    void userModulesWithoutTheGrantAreConfinedByJpms() {
        CliHarness.Outcome o = CliHarness.mpk("run", "--backend", "none", "confinement-probe");
        assertEquals(0, o.status(), o.out());
        assertTrue(o.out().contains("restricted-method: denied (IllegalCallerException)"), o.out());
        assertTrue(o.out().contains("kernel-internals: denied"), o.out());
    }

    @Test
    void badInputGetsOneLineAndStatusTwo() {
        for (String[] args : List.of(new String[] {"run", "no-such-program"}, new String[] {"run", "--backend", "mpx", "hello"},
                new String[] {"run"}, new String[] {"run", "--host-file", "x=/no/such/file", "cat"}, new String[] {"frobnicate"})) {
            CliHarness.Outcome o = CliHarness.mpk(args);
            assertEquals(Main.USAGE, o.status(), String.join(" ", args));
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().startsWith("mpk: "), o.err());
        }
    }

    static void requireGuest() {
        PkuGuest.skipReasonForTests().ifPresent(Assumptions::abort);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Groups output lines by the program whose {@code EXIT} line follows them. */
    private static Map<String, List<String>> split(String output) {
        Map<String, List<String>> m = new java.util.HashMap<>();
        List<String> current = new ArrayList<>();
        for (String line : output.lines().toList()) {
            if (line.startsWith("mpk qemu:")) {
                continue;
            }
            current.add(line);
            Matcher e = Pattern.compile("EXIT (\\S+) \\d+").matcher(line);
            if (e.matches()) {
                m.put(e.group(1), current);
                current = new ArrayList<>();
            }
        }
        return m;
    }
}
