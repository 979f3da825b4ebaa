package mpkernel.kernel.net;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import org.junit.jupiter.api.Test;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static mpkernel.kernel.net.StackPairTest.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A receiver that loses a segment from the middle of a stream keeps what follows it and makes
 * the sender repair the loss with a fast retransmit, not with its retransmission timer: the
 * netbench stall, where a flood of tiny segments overflowed the guest's receive queue, every
 * segment behind each lost one was thrown away, and Linux backed its timer off to a minute.
 */
class TcpReassemblyTest {

    /**
     * One segment lost, three behind it, and the reader taking data in between (which opens
     * the window): the three duplicate ACKs must still look like duplicates (same window), so
     * the sender resends the lost segment at once; the receiver must have kept the three, so
     * that one resent segment completes the stream.
     */
    @Test
    void aLostSegmentIsRepairedByOneFastRetransmitWhileTheReaderDrains() {
        try (Wired w = new Wired(); Arena arena = Arena.ofConfined()) {
            int[] c = connect(w);
            int client = c[0];
            int server = c[1];
            MemorySegment in = arena.allocate(4096);

            send(w, client, arena, "Z".repeat(100)); // left unread until the gap is open
            w.settle(2 * NetStack.ACK_DELAY / 1_000_000); // a lone segment's acknowledgement is delayed: let it go out first
            boolean[] armed = {true};
            w.drop(f -> armed[0] && dataToGuest(f) && !(armed[0] = false));
            send(w, client, arena, "A".repeat(100));
            w.settle(1);
            send(w, client, arena, "B".repeat(100));
            w.settle(1);
            assertEquals(100, w.guest.recv(server, in), "the segment before the gap is readable");
            send(w, client, arena, "C".repeat(100));
            w.settle(1);
            send(w, client, arena, "D".repeat(100));
            w.settle(5);

            assertEquals("A".repeat(100) + "B".repeat(100) + "C".repeat(100) + "D".repeat(100), readAll(w, server, in),
                    w.host.describe());
            assertEquals(3, counter(w.guest, "tcp-out-of-order-kept"), w.guest.describe());
            assertEquals(0, counter(w.guest, "tcp-out-of-order"), "nothing was thrown away");
            assertEquals(1, counter(w.host, "tcp-fast-retransmits"), w.host.describe());
            assertEquals(1, counter(w.host, "tcp-retransmissions"), "only the lost segment was sent again");
            assertEquals(0, counter(w.host, "tcp-retransmission-timeouts"), w.host.describe());
            assertEquals(null, w.guest.checkInvariants());
        }
    }

    /** A host client connected to a guest server on port 9: {client, server}. */
    static int[] connect(Wired w) {
        int listener = w.guest.socket(Sys.SOCK_STREAM, false);
        w.guest.bind(listener, SockAddr.any(9));
        w.guest.listen(listener, 4);
        int client = w.host.socket(Sys.SOCK_STREAM, false);
        w.host.connect(client, new SockAddr(NetConfig.GUEST.address(), 9));
        w.settle(100);
        w.host.connected(client);
        return new int[] {client, w.guest.accept(listener)};
    }

    private static void send(Wired w, int socket, Arena arena, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        MemorySegment m = arena.allocate(b.length);
        MemorySegment.copy(MemorySegment.ofArray(b), 0, m, 0, b.length);
        assertEquals(b.length, w.host.send(socket, m));
    }

    /** Everything {@code socket} has to read now, as text. */
    private static String readAll(Wired w, int socket, MemorySegment buffer) {
        StringBuilder sb = new StringBuilder();
        while (true) {
            try {
                long n = w.guest.recv(socket, buffer);
                if (n == 0) {
                    return sb.toString();
                }
                sb.append(new String(buffer.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.US_ASCII));
            } catch (SysError e) {
                assertEquals(Errno.EAGAIN, e.errno());
                return sb.toString();
            }
        }
    }

    /** Whether {@code frame} is a TCP segment from the host that carries data. */
    static boolean dataToGuest(byte[] frame) {
        MemorySegment f = MemorySegment.ofArray(frame);
        if (frame.length < Ipv4.PAYLOAD + Segment.HEADER || NetOrder.u16(f, Ethernet.TYPE) != Ethernet.TYPE_IPV4
                || NetOrder.u8(f, Ethernet.HEADER + 9) != Ipv4.PROTOCOL_TCP || NetOrder.u32(f, Ethernet.HEADER + 12) != NetConfig.HOST.address()) {
            return false;
        }
        int total = NetOrder.u16(f, Ethernet.HEADER + 2);
        int header = (NetOrder.u8(f, Ipv4.PAYLOAD + 12) >> 4) * 4;
        return total - Ipv4.HEADER - header > 0;
    }
}
