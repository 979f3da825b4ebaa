package mpkernel.isolation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a {@link Policy} is enforced. Chosen once, at boot. */
public enum Backend {
    /** The unisolated ("vanilla") build: memory untagged, gates only run their body. */
    NONE,
    /** Intel MPK: regions tagged with {@code pkey_mprotect}, a {@code wrpkru; lfence} per crossing. Needs PKU. */
    MPK,
    /** The pre-MPK baseline: a crossing {@code mprotect}s every region whose rights change. Process-wide. */
    MPROTECT,
    /**
     * Benchmark-only, protects nothing: the {@code mpk} gate path with the PKRU register replaced
     * by a word of memory (no RDPKRU, WRPKRU or LFENCE), memory untagged. It measures what an
     * {@code mpk} crossing costs apart from those instructions, on any CPU.
     */
    MPK_DRY;

    /** The name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The backend named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException with a one-line message listing the valid names
     */
    public static Backend parse(String name) {
        for (Backend b : values()) {
            if (b.cliName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Backend::cliName).collect(Collectors.joining(", ")));
    }
}
