package mpkernel.user.programs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.HexFormat;
import java.util.List;

import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code attack-proc-mem [read|write]}: a program without native access, in plain Java, has the
 * OS read (or overwrite) the kernel secret for it through {@code /proc/self/mem}, whose
 * FOLL_FORCE access ignores page protection and protection keys alike (the "PKU Pitfalls"
 * paper, USENIX Security 2020). Only confinement of the process stops it.
 */
@Program(name = "attack-proc-mem", description = "ATTACK: plain Java reads [or writes] the kernel secret through /proc/self/mem")
public final class AttackProcMem implements UserProgram {

    @Override
    public int main(Sys sys, List<String> args) {
        boolean write = args.contains("write");
        long secret = ProcLayout.read(sys).address("secret");
        sys.write(Sys.STDOUT, String.format("attack-proc-mem: %s the secret at 0x%x through /proc/self/mem%n", write ? "overwriting" : "reading", secret));
        try (RandomAccessFile mem = new RandomAccessFile("/proc/self/mem", write ? "rw" : "r")) {
            mem.seek(secret);
            if (write) {
                mem.write("PWNED-THROUGH-PROC-SELF-MEM!!!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                sys.write(Sys.STDOUT, "attack-proc-mem: overwrote the kernel secret\n");
            } else {
                byte[] stolen = new byte[32];
                mem.readFully(stolen);
                sys.write(Sys.STDOUT, "stolen through /proc/self/mem: " + HexFormat.of().formatHex(stolen) + "\n");
            }
            return 0;
        } catch (IOException e) {
            sys.write(Sys.STDOUT, "attack-proc-mem: refused: " + e.getMessage() + "\n");
            return 1;
        }
    }
}
