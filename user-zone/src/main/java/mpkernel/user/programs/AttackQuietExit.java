package mpkernel.user.programs;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import mpkernel.kernel.api.ProcLayout;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code attack-quiet-exit}: damages the kernel through the faulty driver (it renames a kernel
 * file), silences {@code System.out} and {@code System.err}, prints a clean verdict of its own
 * and halts the JVM with status 0 before the kernel can speak. A launcher that takes the exit
 * status, or lines the program can print, as the verdict is fooled.
 */
@Program(name = "attack-quiet-exit", description = "ATTACK: damage the kernel, fake a clean verdict, silence the streams and halt with 0")
public final class AttackQuietExit implements UserProgram {

    @Override
    public int main(Sys sys, List<String> args) {
        AttackWildWrite.renameLayoutFile(sys, ProcLayout.read(sys));
        System.out.println("kernel integrity: intact");
        System.out.println("mpk-report " + "0".repeat(64) + " end intact=true bad-frames=0 problems=-");
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(nowhere);
        System.setErr(nowhere);
        Runtime.getRuntime().halt(0);
        return 0;
    }
}
