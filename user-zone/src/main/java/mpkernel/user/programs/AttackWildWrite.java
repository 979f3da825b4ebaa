package mpkernel.user.programs;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;

import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code attack-wild-write}: drives the unsafe kernel's planted bug. It reads where the kernel
 * secret and the {@code /dev/faulty} driver buffer lie from {@code /proc/layout}, seeks the
 * device to their distance and writes: the driver's unchecked copy lands on the safe kernel's
 * secret. The program itself uses only system calls; the wild write is the unsafe kernel's.
 */
@Program(name = "attack-wild-write", description = "ATTACK: make the faulty driver write past its buffer: into the kernel secret (default), [unsafe|user] memory, or a kernel directory entry (dirent)")
public final class AttackWildWrite implements UserProgram {

    /** What the attack writes over the secret. */
    static final String PAYLOAD = "PWNED-BY-A-WILD-DRIVER-WRITE!!!!";

    @Override
    public int main(Sys sys, List<String> args) {
        String target = args.isEmpty() ? "secret" : args.getFirst();
        if (!List.of("secret", "unsafe", "user", "dirent").contains(target)) {
            sys.write(Sys.STDERR, "usage: attack-wild-write [secret|unsafe|user|dirent]\n");
            return 2;
        }
        ProcLayout layout = ProcLayout.read(sys);
        if (target.equals("dirent")) {
            renameLayoutFile(sys, layout);
            return 0;
        }
        // the unsafe-kernel and user targets lie a megabyte into their regions, clear of live data
        long aim = switch (target) {
            case "unsafe" -> layout.address("region:UNSAFE_KERNEL") + (1 << 20);
            case "user" -> layout.address("region:USER") + (1 << 20);
            default -> layout.address("secret");
        };
        long written = driverWrite(sys, layout, aim, PAYLOAD.getBytes(StandardCharsets.US_ASCII));
        sys.write(Sys.STDOUT, "attack-wild-write: the driver wrote " + written + " bytes at the " + target + " target\n");
        return 0;
    }

    /**
     * Renames {@code /proc/layout} behind the kernel's back: one byte of its directory entry,
     * written by the faulty driver. Its row is the file's inode number, which {@code stat} tells.
     */
    static void renameLayoutFile(Sys sys, ProcLayout layout) {
        long row = layout.address("fs-directory") + DIRENT_BYTES * sys.stat("/proc/layout").inode();
        driverWrite(sys, layout, row + DIRENT_NAME + "/proc/layo".length(), new byte[] {'X'});
        sys.write(Sys.STDOUT, "attack-wild-write: renamed /proc/layout in the kernel's directory\n");
    }

    /** Bytes of a directory entry and the offset of its name (the kernel's published table format). */
    private static final long DIRENT_BYTES = 128;
    private static final long DIRENT_NAME = 6;

    /** Has the faulty driver write {@code bytes} at {@code aim}: seek its device to the distance, then write. */
    private static long driverWrite(Sys sys, ProcLayout layout, long aim, byte[] bytes) {
        long driverBuffer = layout.address("faulty-buffer");
        long offset = aim - driverBuffer;
        sys.write(Sys.STDOUT, String.format("attack-wild-write: /dev/faulty buffer at 0x%x, target at 0x%x, seeking %d%n",
                driverBuffer, aim, offset));
        MemorySegment buf = sys.malloc(bytes.length);
        try {
            MemorySegment.copy(MemorySegment.ofArray(bytes), 0, buf, 0, bytes.length);
            int dev = sys.open("/dev/faulty", Sys.O_WRONLY);
            sys.lseek(dev, offset, Sys.SEEK_SET);
            long written = sys.write(dev, buf);
            sys.close(dev);
            return written;
        } finally {
            sys.free(buf);
        }
    }
}
