package mpkernel.attacks;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import java.util.List;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code attack-read-secret}: finds the kernel secret's address in {@code /proc/layout} and
 * reads it directly with {@code MemorySegment.ofAddress(..).reinterpret(..)}, bypassing the
 * kernel. Java's memory safety does not stop it (the module has native access); only the
 * protection of safe-kernel memory can.
 */
@Program(name = "attack-read-secret", description = "ATTACK: a user program with native access reads the kernel secret by raw address")
public final class AttackReadSecret implements UserProgram {

    @Override
    public int main(Sys sys, List<String> args) {
        ProcLayout layout = ProcLayout.read(sys);
        long address = layout.address("secret");
        int length = (int) layout.length("secret");
        sys.write(Sys.STDOUT, String.format("attack-read-secret: reading %d bytes of kernel secret at 0x%x%n", length, address));
        byte[] stolen = MemorySegment.ofAddress(address).reinterpret(length).toArray(ValueLayout.JAVA_BYTE);
        sys.write(Sys.STDOUT, "stolen kernel secret: " + HexFormat.of().formatHex(stolen) + "\n");
        return 0;
    }
}
