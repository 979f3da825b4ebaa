package mpkernel.isolation;

import java.util.regex.Pattern;

/**
 * A protection domain, identified by its name. What a domain may touch is not part of the
 * domain but of the {@link Policy} it is declared in.
 *
 * @param name an upper-case identifier such as {@code SAFE_KERNEL}
 */
public record Domain(String name) {

    // Declared before the constants below, which are built with it.
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    /** The safe kernel: the paper's {@code .safe_data}, safe heap and safe stack. */
    public static final Domain SAFE_KERNEL = new Domain("SAFE_KERNEL");
    /** The unsafe kernel: code that needs raw memory (drivers, {@code unsafe} blocks). */
    public static final Domain UNSAFE_KERNEL = new Domain("UNSAFE_KERNEL");
    /** The application. */
    public static final Domain USER = new Domain("USER");

    /** @throws IllegalArgumentException if the name is not an upper-case identifier of at most 32 characters */
    public Domain {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "domain name must be an upper-case identifier like SAFE_KERNEL, got: " + name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
