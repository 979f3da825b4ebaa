package mpkernel.kernel.mm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SysError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapAllocatorTest {

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment region = arena.allocate(64L << 20, 4096);
    private final StaticArea tables = new StaticArea(arena.allocate(8L << 20, 64));
    private final PageAllocator pages = new PageAllocator("test", tables.carve(PageAllocator.bitmapBytes(region.byteSize() / 4096)),
            region.address(), region.byteSize() / 4096);
    private final HeapAllocator heap = new HeapAllocator("test heap", pages, tables, 4096);

    @AfterEach
    void close() {
        arena.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomWorkloadsKeepEveryInvariant(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TreeMap<Long, Long> live = new TreeMap<>();
        for (int step = 0; step < 3000; step++) {
            int op = rnd.nextInt(10);
            if (op < 5 || live.isEmpty()) {
                long size = rnd.nextInt(4) == 0 ? rnd.nextLong(1, 300_000) : rnd.nextLong(0, 512);
                long a = heap.malloc(size);
                assertEquals(0, a % 16, "16-byte alignment");
                assertTrue(heap.sizeOf(a) >= size);
                live.put(a, heap.sizeOf(a));
            } else if (op < 8) {
                Long a = pick(live, rnd);
                heap.free(a);
                live.remove(a);
            } else {
                Long a = pick(live, rnd);
                long grown = heap.sizeOf(a) + rnd.nextLong(1, 5000);
                long b = heap.realloc(a, grown, (from, to, n) -> MemorySegment.copy(at(from, n), 0, at(to, n), 0, n));
                live.remove(a);
                live.put(b, heap.sizeOf(b));
            }
            if (step % 100 == 0) {
                assertNull(heap.checkInvariants(), "after step " + step);
                assertNoOverlap(live);
            }
        }
        assertNull(heap.checkInvariants());
        assertEquals(live.size(), heap.liveBlocks());
        assertEquals(live.values().stream().mapToLong(Long::longValue).sum(), heap.allocatedBytes());
        for (long a : new ArrayList<>(live.keySet())) {
            heap.free(a);
        }
        assertNull(heap.checkInvariants());
        assertEquals(0, heap.allocatedBytes());
    }

    @Test
    void freedNeighboursCoalesceSoTheSpaceIsReused() {
        long a = heap.malloc(1000);
        long b = heap.malloc(1000);
        long c = heap.malloc(1000);
        heap.free(a);
        heap.free(b);
        assertEquals(a, heap.malloc(2000), "a and b merged into one block");
        heap.free(c);
        assertNull(heap.checkInvariants());
    }

    @Test
    void reallocKeepsContents() {
        long a = heap.malloc(64);
        at(a, 64).fill((byte) 7);
        long guard = heap.malloc(16); // forces the grown block to move
        long b = heap.realloc(a, 10_000, (from, to, n) -> MemorySegment.copy(at(from, n), 0, at(to, n), 0, n));
        assertEquals(7, at(b, 64).get(java.lang.foreign.ValueLayout.JAVA_BYTE, 63));
        heap.free(guard);
        heap.free(b);
    }

    @Test
    void doubleFreeAndForeignPointersAreKernelErrorsNotCorruption() {
        long a = heap.malloc(100);
        heap.free(a);
        SysError twice = assertThrows(SysError.class, () -> heap.free(a));
        assertEquals(Errno.EINVAL, twice.errno());
        assertTrue(twice.getMessage().contains("already freed"), twice.getMessage());
        long b = heap.malloc(100);
        assertThrows(SysError.class, () -> heap.free(b + 16), "interior pointer");
        assertThrows(SysError.class, () -> heap.free(0x1234));
        assertNull(heap.checkInvariants());
    }

    @Test
    void exhaustingTheRegionIsENOMEM() {
        SysError e = assertThrows(SysError.class, () -> heap.malloc(1L << 40));
        assertEquals(Errno.ENOMEM, e.errno());
    }

    @Test
    void pagesRejectDoubleUnmapAndForeignRanges() {
        long p = pages.allocate(3);
        pages.free(p, 3);
        assertEquals(Errno.EINVAL, assertThrows(SysError.class, () -> pages.free(p, 3)).errno());
        assertEquals(Errno.EINVAL, assertThrows(SysError.class, () -> pages.free(p + 1, 1)).errno());
        assertEquals(Errno.EINVAL, assertThrows(SysError.class, () -> pages.free(region.address() - 4096, 1)).errno());
    }

    private MemorySegment at(long address, long bytes) {
        return region.asSlice(address - region.address(), bytes);
    }

    private static Long pick(TreeMap<Long, Long> live, SplittableRandom rnd) {
        List<Long> keys = new ArrayList<>(live.keySet());
        return keys.get(rnd.nextInt(keys.size()));
    }

    private static void assertNoOverlap(TreeMap<Long, Long> live) {
        long end = Long.MIN_VALUE;
        for (var e : live.entrySet()) {
            assertTrue(e.getKey() >= end, "blocks overlap at 0x" + Long.toHexString(e.getKey()));
            end = e.getKey() + e.getValue();
        }
    }
}
