package mpkernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchFileTest {

    @Test
    void wrapsJmhJsonInProvenanceAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("backend", "none,mpk-dry,mprotect");
        provenance.put("command", "./mpk bench 'Gate\"x' --quick");
        Path target = dir.resolve("results/bench-1.json");
        BenchFile.write(target, provenance, JmhResultTest.SAMPLE);
        BenchFile.write(target, provenance, JmhResultTest.SAMPLE); // replaces

        Map<?, ?> file = (Map<?, ?>) Json.parse(Files.readString(target));
        assertEquals(List.of("provenance", "jmh"), List.copyOf(file.keySet()));
        assertEquals(provenance, file.get("provenance"));
        assertEquals(3, ((List<?>) file.get("jmh")).size());
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }
}
