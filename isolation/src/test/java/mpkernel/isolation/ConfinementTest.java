package mpkernel.isolation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import mpkernel.isolation.fault.ChildJvm;
import mpkernel.isolation.fault.Fate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Confinement} in a child JVM: the doors around the isolation are shut, the gates still work. */
class ConfinementTest {

    @Test
    void theOsPathsAreShutAndTheGatesStillWork() {
        Fate fate = ChildJvm.onClassPath(ConfinementProbe.class.getName())
                .jvmArgs(List.of("--enable-native-access=ALL-UNNAMED"))
                .args(List.of("mprotect")).timeout(Duration.ofMinutes(2)).run();
        assertEquals(0, fate.exitCode(), fate.stdout() + fate.stderr());
        assertTrue(fate.stdout().lines().anyMatch(l -> l.startsWith("confinement: seccomp")), fate.stdout());
        Map<String, String> checks = new TreeMap<>();
        fate.stdout().lines().filter(l -> l.startsWith("CHECK ")).forEach(l -> {
            String[] f = l.split(" ", 3);
            checks.put(f[1], f[2].split(" ")[0]);
            // a door is shut by the filter (EPERM), not by some other failure on the way
            if (f[2].startsWith("shut") && !f[1].equals("spawn-process")) {
                assertTrue(f[2].contains("Operation not permitted") || f[2].contains("errno 1"), l);
            }
        });
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("open-proc-maps", "shut"), Map.entry("open-proc-self-mem", "shut"), Map.entry("create-file", "shut"),
                Map.entry("libc-mprotect-region", "shut"), Map.entry("libc-munmap-region", "shut"),
                Map.entry("map-fixed-over-region", "shut"), Map.entry("pkey-alloc", "shut"), Map.entry("spawn-process", "shut"),
                Map.entry("libc-pkey-mprotect", "shut"), Map.entry("virtual-domain-evictions", "open"),
                Map.entry("another-seccomp-filter", "shut"),
                Map.entry("libc-mprotect-own-memory", "open"), Map.entry("gate-crossing", "open"),
                Map.entry("platform-thread", "open"), Map.entry("virtual-thread", "open"), Map.entry("warm-up", "open")));
        assertEquals(expected, checks, fate.stdout());
    }

    @Test
    void withoutConfinementTheSameDoorsAreOpen() {
        // the control: the probe's checks can fail, because an unconfined process passes them
        Fate fate = ChildJvm.onClassPath(UnconfinedProbe.class.getName())
                .jvmArgs(List.of("--enable-native-access=ALL-UNNAMED"))
                .timeout(Duration.ofMinutes(2)).run();
        assertEquals(0, fate.exitCode(), fate.stdout() + fate.stderr());
        assertTrue(fate.stdout().contains("CHECK open-proc-self-mem open"), fate.stdout());
        assertTrue(fate.stdout().contains("CHECK libc-mprotect-region open"), fate.stdout());
    }

    /** The two most important doors, tried without confining. */
    public static final class UnconfinedProbe {
        public static void main(String[] args) throws Exception {
            try (Isolation iso = Isolation.boot(Backend.MPROTECT, Policy.paper(1 << 20, 1 << 20))) {
                DomainMemory safe = iso.memory(Domain.SAFE_KERNEL);
                try (var mem = new java.io.RandomAccessFile("/proc/self/mem", "r")) {
                    mem.seek(safe.address());
                    mem.read();
                    System.out.println("CHECK open-proc-self-mem open");
                }
                Libc.mprotect(safe.address(), Libc.PAGE, Libc.PROT_READ);
                System.out.println("CHECK libc-mprotect-region open");
            }
        }
    }
}
