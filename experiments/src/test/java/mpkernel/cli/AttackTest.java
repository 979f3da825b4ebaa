package mpkernel.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every attack program through {@code ./mpk run}, each kernel in its own JVM: it works where
 * nothing protects the kernel ({@code none}), and is stopped by {@code mprotect} on this host and
 * by real protection keys inside the PKU guest.
 */
class AttackTest {

    @Test
    void everyAttackWorksOnTheUnisolatedBuild() {
        for (Attacks.Attack a : Attacks.ALL) {
            Attacks.check(a, "none", CliHarness.mpk(Attacks.command(a, "none")));
        }
    }

    @Test
    void everyAttackIsStoppedByMprotect() {
        for (Attacks.Attack a : Attacks.ALL) {
            Attacks.check(a, "mprotect", CliHarness.mpk(Attacks.command(a, "mprotect")));
        }
    }

    @Test
    void everyAttackIsStoppedByMpkInsideThePkuGuest() {
        RunCommandTest.requireGuest();
        List<String> cmd = new ArrayList<>(List.of(PkuGuest.javaLauncher(), "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-Dmpk.modulePath=" + Launch.modulePath(), "-Dmpk.root=" + PkuGuest.projectRoot(),
                "-cp", System.getProperty("java.class.path"), GuestAttacks.class.getName()));
        PkuGuest.Result r = PkuGuest.run(cmd);
        assertEquals(0, r.exitCode(), r.output());
        Map<String, CliHarness.Outcome> outcomes = parse(r.output());
        for (Attacks.Attack a : Attacks.ALL) {
            CliHarness.Outcome o = outcomes.get(a.name());
            if (o == null) {
                throw new AssertionError(a.name() + " did not run in the guest:\n" + r.output());
            }
            Attacks.check(a, "mpk", o);
        }
    }

    /** The runs {@link GuestAttacks} printed, by attack name. */
    private static Map<String, CliHarness.Outcome> parse(String output) {
        Map<String, CliHarness.Outcome> m = new HashMap<>();
        String name = null;
        StringBuilder out = new StringBuilder();
        for (String line : output.lines().toList()) {
            if (line.startsWith("BEGIN ")) {
                name = line.substring(6);
                out.setLength(0);
            } else if (name != null && line.startsWith("STATUS " + name + " ")) {
                m.put(name, new CliHarness.Outcome(Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1)), out.toString(), ""));
                name = null;
            } else if (name != null) {
                out.append(line).append('\n');
            }
        }
        return m;
    }
}
