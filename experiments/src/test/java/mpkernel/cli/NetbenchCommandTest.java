package mpkernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import mpkernel.isolation.Pku;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mpk netbench}: user mistakes as one line with status 2, and the quick run end to end
 * (root for the namespaces; redis-benchmark and wrk for the request tests, which CI installs:
 * there their absence is a failure, elsewhere a printed reason to skip).
 */
class NetbenchCommandTest {

    @TempDir
    Path out;

    @Test
    void unknownBackendIsOneLineAndStatusTwo() {
        CliHarness.Outcome o = CliHarness.mpk("netbench", "--backends", "none,mpk-wet", "--out", out.toString());
        assertEquals(2, o.status(), o.out() + o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().startsWith("mpk: unknown backend 'mpk-wet'"), o.err());
        assertEquals("", o.out());
    }

    @Test
    void badRepetitionsAreOneLineAndStatusTwo() {
        CliHarness.Outcome o = CliHarness.mpk("netbench", "--reps", "0", "--out", out.toString());
        assertEquals(2, o.status(), o.out() + o.err());
        assertEquals("mpk: netbench: --reps must be at least 1, got 0", o.err().strip());
        o = CliHarness.mpk("netbench", "--reps", "many");
        assertEquals(2, o.status());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    @Test
    void mpkWithoutPkuIsRefused() {
        Assumptions.assumeFalse(Pku.probe().available(), "this machine has PKU: mpk is a valid choice here");
        CliHarness.Outcome o = CliHarness.mpk("netbench", "--backends", "mpk", "--out", out.toString());
        assertEquals(2, o.status(), o.out() + o.err());
        assertEquals("mpk: netbench: backend mpk needs PKU, which this machine lacks", o.err().strip());
    }

    @Test
    void quickRunWritesEveryPartWithPositiveThroughputs() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        NetInteropTest.requireTap();
        boolean tools = HostTools.installed("redis-benchmark") && HostTools.installed("wrk");
        if (!tools && ci) {
            throw new IllegalStateException("CI must run redis-benchmark and wrk against the kernel: .ci/run installs redis-tools and wrk");
        }
        if (!tools) {
            System.out.println("NetbenchCommandTest: redis-benchmark or wrk missing: the quick run is checked without its request tests");
        }
        boolean kv = RunCommand.catalog().find("kv-server").isPresent() && HostTools.installed("redis-benchmark");
        boolean http = RunCommand.catalog().find("http-server").isPresent() && HostTools.installed("wrk");

        CliHarness.Outcome o = CliHarness.mpk("netbench", "--quick", "--backends", "mpk-dry", "--out", out.toString());
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().contains("target: none reaches at least 50% of Linux's stream throughput at 64 KiB messages: "), o.out());
        List<Path> files = Files.list(out.resolve("quick")).toList();
        assertEquals(1, files.size(), "a quick run goes to quick/, never beside full results");
        JsonObject root = JsonParser.parseString(Files.readString(files.getFirst())).getAsJsonObject();
        assertTrue(root.get("complete").getAsBoolean());
        assertTrue(root.getAsJsonObject("settings").get("quick").getAsBoolean());
        JsonObject provenance = root.getAsJsonObject("provenance");
        for (String key : List.of("commit", "cpu", "pku", "jdk", "date", "command", "load_before", "load_after")) {
            assertTrue(provenance.has(key), "provenance lacks " + key);
        }
        assertEquals("none,mpk-dry,linux", provenance.get("backend").getAsString());
        assertEquals(0, root.getAsJsonArray("failures").size(), root.get("failures").toString());
        int reps = root.getAsJsonObject("settings").get("reps").getAsInt();
        Set<String> seen = new HashSet<>();
        for (JsonElement e : root.getAsJsonArray("stream")) {
            JsonObject s = e.getAsJsonObject();
            seen.add(s.get("backend").getAsString() + " " + s.get("size").getAsInt());
            JsonArray values = s.getAsJsonArray("reps");
            assertEquals(reps, values.size());
            values.forEach(v -> assertTrue(v.getAsDouble() > 0, s.toString()));
            assertTrue(s.get("mean").getAsDouble() > 0);
            if (!s.get("backend").getAsString().equals("none")) {
                assertTrue(s.has("vs_none"), "a slowdown against none: " + s);
            }
        }
        for (String who : List.of("none", "mpk-dry", "linux")) {
            for (int size : List.of(1, 1024, 65536)) {
                assertTrue(seen.contains(who + " " + size), "no stream " + who + " " + size + " in " + seen);
            }
        }
        JsonArray crossings = root.getAsJsonArray("crossings");
        assertEquals(1, crossings.size(), "crossings of the isolated backend only: " + crossings);
        assertTrue(crossings.get(0).getAsJsonObject().get("per_mb").getAsDouble() > 0, crossings.toString());
        assertEquals(3, root.getAsJsonArray("targets").size());
        JsonArray requests = root.getAsJsonArray("requests");
        // per backend (none, mpk-dry): GET and SET at P1 and P16 where kv-server runs, two files where http-server does
        assertEquals(2 * ((kv ? 4 : 0) + (http ? 2 : 0)), requests.size(), "the request tests that can run here: " + requests);
        for (JsonElement e : requests) {
            JsonObject r = e.getAsJsonObject();
            r.getAsJsonArray("reps").forEach(v -> assertTrue(v.getAsDouble() > 0, r.toString()));
            r.getAsJsonArray("p99_ms").forEach(v -> assertTrue(v.getAsDouble() > 0, r.toString()));
        }
        if (kv) {
            assertTrue(crossings.get(0).getAsJsonObject().get("per_get").getAsDouble() > 0, crossings.toString());
        }
        if (!kv || !http) {
            assertTrue(root.getAsJsonArray("skipped").size() > 0, "what could not run is named");
        }
    }
}
