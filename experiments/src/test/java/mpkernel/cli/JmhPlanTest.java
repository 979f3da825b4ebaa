package mpkernel.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhPlanTest {

    private static final List<String> BACKENDS = List.of("none", "mpk-dry", "mprotect");

    @Test
    void bothPresetsForkTwiceWithExplicitWarmupAndWriteJson() {
        for (JmhPlan p : List.of(JmhPlan.full(null, BACKENDS), JmhPlan.quick("Gate", BACKENDS))) {
            assertTrue(p.forks() >= 2, p.describe());
            assertTrue(p.warmupIterations() > 0, p.describe());
            String args = String.join(" ", p.jmhArgs(Path.of("/tmp/x.json")));
            assertTrue(args.contains("-f 2 -wi " + p.warmupIterations() + " -w " + p.warmupMillis() + "ms"), args);
            assertTrue(args.contains("-foe true -rf json -rff /tmp/x.json"), args);
            assertTrue(args.contains("-p backend=none,mpk-dry,mprotect"), args);
        }
    }

    @Test
    void quickNarrowsTheSweepAndFullKeepsTheBenchmarksDefaults() {
        assertEquals(List.of("Gate", "-f", "2"), JmhPlan.quick("Gate", BACKENDS).jmhArgs(Path.of("r.json")).subList(0, 3));
        assertTrue(String.join(" ", JmhPlan.quick(null, BACKENDS).jmhArgs(Path.of("r.json")))
                .endsWith("-p domains=1,16 -p region=4096 -p size=1,4096,1048576"));
        assertTrue(JmhPlan.full(null, BACKENDS).jmhArgs(Path.of("r.json")).stream()
                .noneMatch(a -> a.startsWith("size=") || a.startsWith("domains=") || a.startsWith("region=")));
        assertEquals("forks 2, warmup 5 x 500 ms, measurement 5 x 500 ms, backend = none,mpk-dry,mprotect",
                JmhPlan.full(null, BACKENDS).describe());
    }
}
