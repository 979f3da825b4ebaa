package mpkernel.kernel.api;

/**
 * An IPv4 socket address ({@code struct sockaddr_in}): a 32-bit address, most significant
 * byte first as written ({@code 10.77.0.2} is {@code 0x0a4d0002}), and a port.
 *
 * @param address the IPv4 address; 0 is {@code INADDR_ANY}
 * @param port the port, 0 to 65535; 0 asks {@code bind} for any free port
 */
public record SockAddr(int address, int port) {

    /** A socket address; rejects ports outside 0..65535. */
    public SockAddr {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
    }

    /** Port {@code port} on every local address ({@code INADDR_ANY}). */
    public static SockAddr any(int port) {
        return new SockAddr(0, port);
    }

    /**
     * {@code dotted} ({@code a.b.c.d}) and {@code port}.
     *
     * @throws IllegalArgumentException if {@code dotted} is not a dotted-quad IPv4 address
     */
    public static SockAddr of(String dotted, int port) {
        return new SockAddr(parseAddress(dotted), port);
    }

    /**
     * The 32-bit address written as {@code dotted}.
     *
     * @throws IllegalArgumentException if it is not four decimal numbers 0..255 joined by dots
     */
    public static int parseAddress(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
        }
        int a = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
            }
            a = a << 8 | Integer.parseInt(p);
        }
        return a;
    }

    /** {@code address} in dotted-quad form. */
    public static String format(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff);
    }

    /** {@code a.b.c.d:port}. */
    @Override
    public String toString() {
        return format(address) + ":" + port;
    }
}
