package mpkernel.isolation;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Child-JVM victim: boots a policy on a backend, then performs accesses
 * {@code RUNNING:read|write:OWNER} in order, each from inside {@code RUNNING}'s gate, printing
 * {@code OK ...} after each one that survived. A denied access kills this JVM.
 *
 * <p>Usage: {@code EnforcementProbe BACKEND paper|readonly BASE ACCESS...}: the regions go
 * exactly at {@code BASE}, where the parent expects them.
 */
public final class EnforcementProbe {

    /** Offset of the probed word: inside the region, off its first page. */
    static final long OFFSET = 4096 + 64;

    public static void main(String[] args) {
        Backend backend = Backend.parse(args[0]);
        Policy policy = policy(args[1]);
        long base = Long.decode(args[2]);
        try (Isolation iso = Isolation.boot(backend, policy, base)) {
            for (int i = 3; i < args.length; i++) {
                String[] a = args[i].split(":");
                Domain running = new Domain(a[0]);
                Domain owner = new Domain(a[2]);
                MemorySegment target = iso.memory(owner).segment();
                System.out.printf("TRY %s 0x%x%n", args[i], target.address() + OFFSET);
                System.out.flush();
                iso.gate(running).run(() -> {
                    if (a[1].equals("write")) {
                        target.set(JAVA_LONG, OFFSET, 0x5EC12E7L);
                    } else {
                        long v = target.get(JAVA_LONG, OFFSET);
                        if (v == 42) {
                            System.out.print("");
                        }
                    }
                });
                System.out.println("OK " + args[i]);
                System.out.flush();
            }
        }
    }

    static Policy policy(String name) {
        Policy paper = Policy.paper(1 << 20, 1 << 20);
        return switch (name) {
            case "paper" -> paper;
            // the user may read, but not write, unsafe-kernel memory
            case "readonly" -> paper.toBuilder().grant(Domain.USER, Access.READ_ONLY, Domain.UNSAFE_KERNEL).build();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
