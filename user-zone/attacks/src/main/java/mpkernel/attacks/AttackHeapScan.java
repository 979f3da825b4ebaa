package mpkernel.attacks;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * {@code attack-heap-scan}: looks for copies of the kernel secret in memory that no protection
 * key covers: the Java heap, malloc arenas, thread stacks (every readable anonymous mapping of
 * the process outside the domain regions). It learns the secret by reading it directly, so it
 * can only run where nothing protects it ({@code --backend none}); what it checks, that the
 * kernel never copies its secret out of its own memory, holds on every backend. A canary it puts
 * on the Java heap itself proves the scan covers the heap.
 */
@Program(name = "attack-heap-scan", description = "ATTACK: scan all memory outside the domains (Java heap included) for copies of the kernel secret")
public final class AttackHeapScan implements UserProgram {

    @Override
    public int main(Sys sys, List<String> args) {
        ProcLayout layout = ProcLayout.read(sys);
        // the secret, copied native to native into user memory: this program makes no heap copy of it
        MemorySegment secret = sys.malloc(32);
        MemorySegment.copy(MemorySegment.ofAddress(layout.address("secret")).reinterpret(32), 0, secret, 0, 32);
        byte[] canary = new byte[32];
        new SplittableRandom(System.nanoTime()).nextBytes(canary);
        List<long[]> domains = new ArrayList<>();
        for (String d : List.of("SAFE_KERNEL", "UNSAFE_KERNEL", "USER", "DEVICE", "DRIVER", "VAULT")) {
            if (layout.has("region:" + d)) {
                domains.add(new long[] {layout.address("region:" + d), layout.address("region:" + d) + layout.length("region:" + d)});
            }
        }
        int copies = 0;
        boolean canaryFound = false;
        long scanned = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                String[] f = line.trim().split("\\s+");
                String[] range = f[0].split("-");
                long start = Long.parseUnsignedLong(range[0], 16);
                long end = Long.parseUnsignedLong(range[1], 16);
                boolean anonymous = f.length < 6 || f[5].equals("[heap]") || f[5].equals("[stack]");
                if (!f[1].startsWith("r") || !anonymous || inside(domains, start)) {
                    continue;
                }
                MemorySegment m = MemorySegment.ofAddress(start).reinterpret(end - start);
                copies += count(m, secret);
                canaryFound |= count(m, MemorySegment.ofArray(canary)) > 0;
                scanned += end - start;
            }
        } catch (IOException e) {
            sys.write(Sys.STDOUT, "attack-heap-scan: cannot read /proc/self/maps: " + e.getMessage() + "\n");
            return 1;
        }
        sys.write(Sys.STDOUT, String.format("attack-heap-scan: scanned %d MiB outside the domain regions%n", scanned >> 20));
        sys.write(Sys.STDOUT, "canary on the Java heap found: " + (canaryFound ? "yes" : "no") + "\n");
        sys.write(Sys.STDOUT, "copies of the kernel secret outside domain memory: " + copies + "\n");
        return 0;
    }

    private static boolean inside(List<long[]> ranges, long address) {
        return ranges.stream().anyMatch(r -> Long.compareUnsigned(address, r[0]) >= 0 && Long.compareUnsigned(address, r[1]) < 0);
    }

    /** Occurrences of {@code pattern} in {@code memory}. */
    private static int count(MemorySegment memory, MemorySegment pattern) {
        int n = 0;
        byte first = pattern.get(JAVA_BYTE, 0);
        long len = pattern.byteSize();
        for (long i = 0; i + len <= memory.byteSize(); i++) {
            if (memory.get(JAVA_BYTE, i) == first && MemorySegment.mismatch(memory, i, i + len, pattern, 0, len) < 0) {
                n++;
            }
        }
        return n;
    }
}
