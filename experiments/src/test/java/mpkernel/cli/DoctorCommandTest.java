package mpkernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code ./mpk doctor} tells one story: a failed pkey_alloc is quoted with one errno everywhere. */
class DoctorCommandTest {

    @Test
    void onePkeyAllocAnswerThroughout() {
        CliHarness.Outcome o = CliHarness.mpk("doctor");
        assertTrue(o.out().contains("backends:"), o.out() + o.err());
        Matcher m = Pattern.compile("pkey_alloc failed: (\\w+)").matcher(o.out());
        List<String> errnos = m.results().map(r -> r.group(1)).distinct().toList();
        assertTrue(errnos.size() <= 1, "different errnos for one probe: " + errnos + "\n" + o.out());
        if (!errnos.isEmpty()) {
            assertEquals(2, o.out().split("pkey_alloc failed: ", -1).length - 1, "PKU row and mpk row: " + o.out());
        }
    }

    @Test
    void pkuAloneAnswersWithItsExitStatusWhatTheProbeFound() {
        CliHarness.Outcome o = CliHarness.mpk("doctor", "--pku");
        boolean pku = mpkernel.isolation.Pku.probe().available();
        assertEquals(pku ? 0 : 1, o.status(), o.out() + o.err());
        assertEquals(1, o.out().lines().count(), o.out());
        assertTrue(o.out().startsWith(pku ? "native mpk: yes" : "native mpk: no: mpk runs only inside the PKU guest"), o.out());
        assertTrue(CliHarness.mpk("doctor").out().contains("native mpk     " + o.out().substring("native mpk: ".length()).strip()));
    }
}
