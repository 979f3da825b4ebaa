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
import static org.junit.jupiter.api.Assertions.fail;

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
        for (String program : List.of("hello", "attack-read-secret", "attack-wild-write")) {
            script.append(quote(java)).append(" --enable-native-access=mpkernel.isolation,mpkernel.unsafezone,mpkernel.attacks")
                    .append(" --add-modules=ALL-MODULE-PATH -Dmpk.modulePath=").append(quote(Launch.modulePath()))
                    .append(" -p ").append(quote(Launch.modulePath()))
                    .append(" -m mpkernel.experiments/mpkernel.cli.Main run --backend mpk ").append(program)
                    .append("; echo \"EXIT ").append(program).append(" $?\"\n");
        }
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
        PkuGuest.unavailableReason().ifPresent(reason -> {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must run the mpk tests, but the PKU guest is unavailable: " + reason);
            }
            System.out.println("SKIPPED mpk-in-QEMU tests: " + reason);
            Assumptions.abort(reason);
        });
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
