package mpkernel.experiments.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IpCommandTest {

    @BeforeAll
    static void needsIp() {
        boolean installed = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            installed |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "ip"));
        }
        if (!installed) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must have the ip command (iproute2)");
            }
            System.out.println("SKIPPED IpCommandTest: the ip command (iproute2) is not installed");
            Assumptions.abort("ip is not installed");
        }
    }

    @Test
    void returnsWhatIpPrinted() {
        assertTrue(IpCommand.run("-V").contains("iproute2"), "ip -V names iproute2");
    }

    @Test
    void aFailureIsOneLineNamingTheCommand() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> IpCommand.run("no-such-object"));
        assertTrue(e.getMessage().startsWith("ip no-such-object failed: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
