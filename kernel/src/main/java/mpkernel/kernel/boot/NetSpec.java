package mpkernel.kernel.boot;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The network a kernel boots with.
 *
 * @param kind none, a TAP interface, or the in-process peer
 * @param tapInterface the TAP interface to attach (with {@link Kind#TAP}): it must exist, in the
 *     network namespace the kernel process runs in
 * @param label how the kernel's announcement names the network, e.g. {@code netns mpk-1234-1}
 * @param announce where the kernel announces, once, where its program can be reached (the
 *     line {@code net: LABEL, guest ADDR, host ADDR[, port N]}); the launcher's output, not the
 *     program's console
 */
public record NetSpec(Kind kind, String tapInterface, String label, Consumer<String> announce) {

    /** What is on the other end of the kernel's network card. */
    public enum Kind {
        /** No network: {@code socket} fails with EAFNOSUPPORT. */
        NONE,
        /** A Linux TAP interface, prepared by the launcher. */
        TAP,
        /** A second instance of the stack in the kernel process, with port forwarding from the host's loopback. */
        LOOP
    }

    /** No network. */
    public static final NetSpec NONE = new NetSpec(Kind.NONE, "", "", line -> { });

    public NetSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tapInterface, "tapInterface");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(announce, "announce");
        if (kind == Kind.TAP && tapInterface.isEmpty()) {
            throw new IllegalArgumentException("a TAP network needs the interface's name");
        }
    }

    /** TAP interface {@code name}, announced as {@code label}. */
    public static NetSpec tap(String name, String label, Consumer<String> announce) {
        return new NetSpec(Kind.TAP, name, label, announce);
    }

    /** The in-process peer. */
    public static NetSpec loop(Consumer<String> announce) {
        return new NetSpec(Kind.LOOP, "", "loop", announce);
    }
}
