package mpkernel.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provenance block: written in order as comment lines or a JSON object, read back, and what it says. */
class ProvenanceBlockTest {

    private static Provenance sample() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("backend", "mprotect");
        fields.put("cpu", "Intel(R) Xeon(R) Processor");
        fields.put("cores", "2");
        fields.put("pku", "no");
        fields.put("inside_qemu", "no");
        fields.put("date", "2026-11-25T03:52:51.977341810Z");
        fields.put("command", "./mpk faults --quick");
        return new Provenance(fields);
    }

    @Test
    void keepsItsOrderAndAddsAtTheEnd() {
        Provenance p = sample().with("seed", "1").with("backend", "none");
        assertEquals(List.of("backend", "cpu", "cores", "pku", "inside_qemu", "date", "command", "seed"), List.copyOf(p.fields().keySet()));
        assertEquals("none", p.backend());
        assertEquals("unknown", p.commit(), "a missing field");
        assertTrue(p.find("commit").isEmpty());
    }

    @Test
    void saysWhereAndWhen() {
        Provenance p = sample();
        assertEquals("Intel(R) Xeon(R) Processor, 2 cores; no PKU, on the host (not QEMU)", p.where());
        assertEquals("2026-11-25T03:52:51Z", p.date());
        assertEquals(Instant.parse("2026-11-25T03:52:51.977341810Z"), p.instant());
        assertTrue(p.quickCommand());
        assertFalse(Provenance.NONE.quickCommand());
        assertEquals(Instant.EPOCH, Provenance.NONE.instant());
    }

    @Test
    void commentLinesCarryOneFieldEach() {
        assertEquals("order: ABBA, pairs: 3", Provenance.comment(Map.entry("order", "ABBA, pairs: 3")));
        assertEquals(Map.entry("order", "ABBA, pairs: 3"), Provenance.field("# order: ABBA, pairs: 3").orElseThrow());
        assertTrue(Provenance.field("# a note").isEmpty());
        assertTrue(Provenance.field("#: no key").isEmpty());
    }

    @Test
    void theJsonObjectReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        com.google.gson.JsonObject root = new com.google.gson.JsonObject();
        root.add("provenance", sample().json());
        JsonText.write(file, root);
        assertTrue(Files.readString(file).startsWith("{\n  \"provenance\": {\n    \"backend\": \"mprotect\",\n"));
        assertEquals(sample(), Provenance.read(JsonNode.read(file, "result file").get("provenance")));
    }
}
