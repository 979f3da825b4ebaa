package mpkernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A person waiting on the PKU guest is told it boots and when it is up; a program reading its output is not. */
class GuestProgressTest {

    @Test
    void interactiveRunsSayWhenTheGuestBootsAndIsUp() throws Exception {
        PkuGuest.skipReasonForTests().ifPresent(Assumptions::abort);
        String err = stderrOf(PkuGuest.interactive(new ProcessBuilder(PkuGuest.wrap(List.of("/bin/true")))));
        assertTrue(err.contains("mpk qemu: booting the PKU guest"), err);
        assertTrue(err.matches("(?s).*mpk qemu: guest up after \\d+ s.*"), err);
        String quiet = stderrOf(PkuGuest.environment(new ProcessBuilder(PkuGuest.wrap(List.of("/bin/true")))));
        assertEquals("", quiet);
    }

    private static String stderrOf(ProcessBuilder pb) throws Exception {
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), err);
        return err;
    }
}
