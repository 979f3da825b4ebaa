package mpkernel.kernel.net;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import mpkernel.kernel.mm.HeapAllocator;
import mpkernel.kernel.mm.PageAllocator;
import mpkernel.kernel.mm.StaticArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The out-of-order ranges of one socket's receive ring: merging, the limit, the ring's room, and joining. */
class ReassemblyTest {

    private static final int RING = 4096;
    private static final int RCV_NXT = -100; // sequence numbers wrap while ranges are held

    private final Arena arena = Arena.ofConfined();
    private final Sock s = socket();
    private final Segment seg = new Segment();

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void rangesThatTouchOrOverlapMergeAndJoinTheStreamWhenTheGapFills() {
        assertTrue(keep(100, 50));
        assertTrue(keep(200, 50));
        assertEquals(2, s.get(Sock.HELD_RANGES));
        assertTrue(keep(140, 70), "overlaps both");
        assertEquals(1, s.get(Sock.HELD_RANGES));
        assertTrue(Reassembly.holding(s));

        arrive(0, 100); // the gap
        assertFalse(Reassembly.holding(s));
        assertEquals(RCV_NXT + 250, s.get(Sock.RCV_NXT));
        assertEquals(250, s.rx.length());
        byte[] got = new byte[250];
        s.rx.copyOut(0, MemorySegment.ofArray(got), 0, 250);
        assertArrayEquals(stream(0, 250), got, "every byte where the sender put it");
    }

    @Test
    void pastTheLimitTheHighestRangeGivesWay() {
        for (int gap : new int[] {100, 300, 500, 700}) {
            assertTrue(keep(gap, 10));
        }
        assertFalse(keep(900, 10), "a fifth range above all is not kept");
        assertTrue(keep(50, 10), "a fifth range below is kept instead of the highest");
        assertEquals(Reassembly.RANGES, s.get(Sock.HELD_RANGES));

        arrive(0, 50);
        assertEquals(RCV_NXT + 60, s.get(Sock.RCV_NXT), "joined only the range it reached");
        arrive(60, 640); // up to 700, where the range given up was
        assertEquals(RCV_NXT + 700, s.get(Sock.RCV_NXT));
        assertFalse(Reassembly.holding(s), "the range at 700 was forgotten");
    }

    @Test
    void nothingIsKeptBeyondTheRingsRoom() {
        assertFalse(keep(RING, 10));
        assertTrue(keep(RING - 10, 100), "trimmed to the room left");
        arrive(0, RING - 10);
        assertEquals(RING, s.rx.length());
        assertEquals(RCV_NXT + RING, s.get(Sock.RCV_NXT));
    }

    /** Offers the stream's bytes {@code [gap, gap + n)} as an out-of-order segment. */
    private boolean keep(int gap, int n) {
        seg.frame = MemorySegment.ofArray(stream(gap, n));
        seg.data = 0;
        return Reassembly.keep(s, seg, 0, gap, n);
    }

    /** What {@link Tcp} does with in-order data: the stream's bytes {@code [from, from + n)} at {@code RCV.NXT}, then the ranges joined. */
    private void arrive(int from, int n) {
        assertEquals(RCV_NXT + from, s.get(Sock.RCV_NXT));
        s.rx.append(MemorySegment.ofArray(stream(from, n)), 0, n);
        s.set(Sock.RCV_NXT, s.get(Sock.RCV_NXT) + n);
        int joined = Reassembly.joined(s);
        s.rx.extend(joined);
        s.set(Sock.RCV_NXT, s.get(Sock.RCV_NXT) + joined);
    }

    /** Bytes {@code [from, from + n)} of a stream whose every byte tells its position. */
    private static byte[] stream(int from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ((from + i) * 7 + ((from + i) >> 8));
        }
        return b;
    }

    private Sock socket() {
        MemorySegment region = arena.allocate(8L << 20, PageAllocator.PAGE);
        StaticArea tables = new StaticArea(region.asSlice(0, 1L << 20));
        long pages = (7L << 20) / PageAllocator.PAGE;
        PageAllocator p = new PageAllocator("test", tables.carve(PageAllocator.bitmapBytes(pages)), region.address() + (1L << 20), pages);
        NetMemory memory = new NetMemory(tables, new HeapAllocator("test heap", p, tables, 64), region);
        Sock sock = new Sock(0, tables.carve(Sock.ROW), memory);
        sock.rx.attach(memory.heap().malloc(RING), RING);
        sock.set(Sock.RCV_NXT, RCV_NXT);
        return sock;
    }
}
