package mpkernel.kernel.api;

/**
 * What {@link Sys#recvfrom} received.
 *
 * @param length bytes stored in the caller's buffer (a longer datagram is cut to the buffer, as
 *     POSIX does without {@code MSG_TRUNC})
 * @param source who sent it
 */
public record Datagram(long length, SockAddr source) {
}
