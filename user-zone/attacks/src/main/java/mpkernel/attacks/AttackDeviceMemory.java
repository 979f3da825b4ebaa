package mpkernel.attacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code attack-device-memory}: goes after the virtio console's rings and DMA buffers. First it
 * looks in {@code /proc/self/maps} for a second mapping of domain memory (a device "view" that no
 * key protects); then it reads the ring where {@code /proc/layout} says it is.
 */
@Program(name = "attack-device-memory", description = "ATTACK: find an unprotected alias of the device memory, then read the console ring")
public final class AttackDeviceMemory implements UserProgram {

    @Override
    public int main(Sys sys, List<String> args) {
        ProcLayout layout = ProcLayout.read(sys);
        try {
            long aliases = Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains("mpk-")).count();
            sys.write(Sys.STDOUT, "alias mappings of domain memory: " + aliases + "\n");
        } catch (IOException e) {
            sys.write(Sys.STDOUT, "alias mappings of domain memory: /proc/self/maps refused (" + e.getMessage() + ")\n");
        }
        sys.write(Sys.STDOUT, "attack-device-memory: reading the console ring\n");
        sys.write(Sys.STDOUT, "read the console ring: " + Steal.hex(layout.address("console-ring"), 16) + "\n");
        return 0;
    }
}
