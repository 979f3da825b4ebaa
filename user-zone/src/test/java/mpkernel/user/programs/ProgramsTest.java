package mpkernel.user.programs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import mpkernel.isolation.Backend;
import mpkernel.kernel.boot.Kernel;
import mpkernel.kernel.boot.KernelConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** hello and cat on a booted kernel, on each backend this host runs. */
class ProgramsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NONE", "MPROTECT"})
    void helloGreetsThroughTheVirtioConsole(Backend backend) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Kernel k = Kernel.boot(KernelConfig.defaults(backend).withConsole(out))) {
            assertEquals(0, k.run("hello", List.of("tester")));
            k.close();
            assertEquals("Hello, tester, from pid 1 on mpkernel!\n", out.toString(StandardCharsets.UTF_8));
            if (backend != Backend.NONE) {
                assertTrue(k.syscallGate().crossings() >= 2, "write and getpid are system calls");
                assertTrue(k.unsafeGate().crossings() >= 1, "console output goes through the unsafe driver");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NONE", "MPROTECT"})
    void catCopiesHostAndProcFiles(Backend backend) throws Exception {
        Path file = tmp.resolve("poem.txt");
        String text = "x".repeat(20000) + "\nend\n";
        Files.writeString(file, text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Kernel k = Kernel.boot(KernelConfig.defaults(backend).withConsole(out).withHostFile("poem.txt", file))) {
            assertEquals(0, k.run("cat", List.of("/host/poem.txt", "/proc/layout")));
            assertEquals(1, k.run("cat", List.of("/no/such")));
            k.close();
            String s = out.toString(StandardCharsets.UTF_8);
            assertTrue(s.startsWith(text), "host file copied verbatim");
            assertTrue(s.contains("region SAFE_KERNEL 0x"), s.substring(text.length()));
            assertTrue(s.contains("cat: /no/such: ENOENT"), s);
            assertEquals(0, k.consoleBadFrames());
        }
    }
}
