package mpkernel.attacks;

import java.lang.foreign.MemorySegment;
import java.util.List;

import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * {@code attack-forge-report}: damages the kernel, then forges the kernel's end-of-run report
 * (a clean one) and stops the process before the kernel can write its own. To sign the forgery
 * it needs the launcher's report token, which lives in safe-kernel memory: it scans the kernel's
 * tables for it. Where that memory is protected, the scan is what gets it stopped.
 */
@Program(name = "attack-forge-report", description = "ATTACK: damage the kernel, then forge a clean signed end-of-run report")
public final class AttackForgeReport implements UserProgram {

    private static final int DIGITS = 64;

    @Override
    public int main(Sys sys, List<String> args) {
        ProcLayout layout = ProcLayout.read(sys);
        long secret = layout.address("secret");
        MemorySegment.ofAddress(secret).reinterpret(8).set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, 0x5A5A5A5A5A5A5A5AL);
        sys.write(Sys.STDOUT, "attack-forge-report: damaged the kernel secret; looking for the report token\n");
        MemorySegment tables = MemorySegment.ofAddress(layout.address("region:SAFE_KERNEL")).reinterpret(8 << 20);
        String token = findToken(tables);
        if (token == null) {
            sys.write(Sys.STDOUT, "attack-forge-report: no token found\n");
            return 1;
        }
        System.out.println("FORGED: signing with " + token.substring(0, 8) + "...");
        System.out.println("mpk-report " + token + " run index=0 warmup=false status=0 wall=0.1 syscalls=1 unsafe=1 driver=1"
                + " console=- termination=- result=-");
        System.out.println("mpk-report " + token + " end intact=true bad-frames=0 problems=-");
        System.out.flush();
        Runtime.getRuntime().halt(0);
        return 0;
    }

    /** 64 lower-case hex digits followed by a newline, in {@code memory}. */
    private static String findToken(MemorySegment memory) {
        int run = 0;
        for (long i = 0; i < memory.byteSize(); i++) {
            byte b = memory.get(JAVA_BYTE, i);
            if (b >= '0' && b <= '9' || b >= 'a' && b <= 'f') {
                run++;
            } else {
                if (b == '\n' && run == DIGITS) {
                    return new String(memory.asSlice(i - DIGITS, DIGITS).toArray(JAVA_BYTE), java.nio.charset.StandardCharsets.US_ASCII);
                }
                run = 0;
            }
        }
        return null;
    }
}
