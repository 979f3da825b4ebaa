package mpkernel.kernel.core;

/**
 * Told, outside the kernel, what part a program takes on the network, so that the host can
 * reach it: called after every {@code listen}, every bind of a UDP socket, and every TCP
 * {@code connect} or UDP {@code sendto}.
 */
@FunctionalInterface
public interface NetAnnouncer {

    /** The program serves TCP ({@code udp} false) or UDP on {@code port}; port 0: it is a client. */
    void serving(int port, boolean udp);

    /** Tells nobody. */
    NetAnnouncer NOBODY = (port, udp) -> { };
}
