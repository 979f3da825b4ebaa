package mpkernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./mpk sweep} end to end on its quick setting, each fork a real kernel JVM. */
class SweepCommandTest {

    @TempDir
    Path out;

    @Test
    void quickSweepCrossesAtTheRatesItClaimsAndWritesACostPerBackend() throws Exception {
        CliHarness.Outcome o = CliHarness.mpk("sweep", "--quick", "--backends", "mpk-dry,mprotect", "--out", out.toString());
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().contains("cost of one crossing, mpk-dry: "), o.out());
        assertTrue(o.out().contains("cost of one crossing, mprotect: "), o.out());
        assertTrue(o.err().contains("[ 12/12"), "a progress line per step: " + o.err());
        List<Path> files = Files.list(out.resolve("quick")).toList();
        assertEquals(1, files.size(), "a quick sweep goes to quick/, never beside full results");
        JsonObject root = JsonParser.parseString(Files.readString(files.getFirst())).getAsJsonObject();
        assertTrue(root.get("complete").getAsBoolean());
        assertTrue(root.getAsJsonObject("settings").get("quick").getAsBoolean());
        assertEquals("ABBA", root.getAsJsonObject("settings").get("order").getAsString());
        assertTrue(root.getAsJsonObject("provenance").has("commit"));
        long units = root.getAsJsonObject("settings").get("units").getAsLong();
        JsonArray backends = root.getAsJsonArray("backends");
        assertEquals(2, backends.size());
        for (JsonElement b : backends) {
            JsonObject cost = b.getAsJsonObject().getAsJsonObject("cost_per_crossing");
            assertTrue(cost.has("ns") && cost.has("ci_low_ns") && cost.has("ci_high_ns"), cost.toString());
            JsonArray steps = b.getAsJsonObject().getAsJsonArray("steps");
            assertEquals(3, steps.size());
            double lastRate = 0;
            for (JsonElement s : steps) {
                JsonObject step = s.getAsJsonObject();
                assertTrue(step.get("verified").getAsBoolean());
                long every = step.get("every").getAsLong();
                double crossings = step.getAsJsonArray("crossings").get(0).getAsDouble();
                // one clock_gettime every K units, plus the program's own few calls (timer reads, malloc)
                assertTrue(crossings >= units / every && crossings <= units / every + 50, every + ": " + crossings);
                double rate = step.get("crossings_per_s").getAsDouble();
                assertTrue(rate > lastRate, "smaller K, more crossings per second");
                lastRate = rate;
            }
        }
    }

    @Test
    void badInput() {
        for (String[] args : List.of(new String[] {"sweep", "--work", "fft"}, new String[] {"sweep", "--call", "fork"},
                new String[] {"sweep", "--pairs", "0"}, new String[] {"sweep", "--backends", "none"}, new String[] {"sweep", "--backends", "mpk-wet"})) {
            CliHarness.Outcome o = CliHarness.mpk(args);
            assertEquals(Main.USAGE, o.status(), String.join(" ", args) + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
        }
    }
}
