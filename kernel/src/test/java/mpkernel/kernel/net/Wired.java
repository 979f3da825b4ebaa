package mpkernel.kernel.net;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import mpkernel.kernel.mm.HeapAllocator;
import mpkernel.kernel.mm.PageAllocator;
import mpkernel.kernel.mm.StaticArea;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * Two stacks wired back to back in this JVM, the guest's and the host's, on a wire that can
 * lose or inspect frames, with a clock of their own: {@link #settle} runs both until nothing
 * moves, advancing time so that timers fire without waiting.
 */
final class Wired implements AutoCloseable {

    private final Arena arena = Arena.ofShared();
    final NetStack guest;
    final NetStack host;
    private final ArrayDeque<byte[]> toGuest = new ArrayDeque<>();
    private final ArrayDeque<byte[]> toHost = new ArrayDeque<>();
    private final SplittableRandom random = new SplittableRandom(7);
    private double loss;
    private Predicate<byte[]> dropIf = f -> false;
    long now = 1_000_000_000L;
    long framesCarried;

    Wired() {
        guest = new NetStack(memory(), NetConfig.GUEST, new End(toGuest, toHost), 11, () -> now);
        host = new NetStack(memory(), NetConfig.HOST, new End(toHost, toGuest), 13, () -> now);
    }

    /** Loses each frame with probability {@code p}. */
    Wired loss(double p) {
        loss = p;
        return this;
    }

    /** Loses the frames {@code drop} picks. */
    Wired drop(Predicate<byte[]> drop) {
        dropIf = drop;
        return this;
    }

    /** Runs both stacks for {@code millis} of simulated time: frames take 0.1 ms a hop, and idle time jumps to the next timer. */
    void settle(long millis) {
        long end = now + millis * 1_000_000L;
        while (now - end < 0) {
            long a = guest.poll();
            long b = host.poll();
            if (toGuest.isEmpty() && toHost.isEmpty()) {
                long next = Math.min(a, b);
                now = next == Long.MAX_VALUE || next - end > 0 ? end : Math.max(now + 1_000_000L, next);
            } else {
                now += 100_000L;
            }
        }
        guest.poll();
        host.poll();
    }

    /** Injects a raw frame into the guest's side of the wire. */
    void inject(byte[] frame) {
        toGuest.add(frame);
    }

    private MemorySegment region() {
        return arena.allocate(16L << 20, PageAllocator.PAGE);
    }

    private NetMemory memory() {
        MemorySegment region = region();
        StaticArea tables = new StaticArea(region.asSlice(0, 2L << 20));
        long pages = (14L << 20) / PageAllocator.PAGE;
        PageAllocator p = new PageAllocator("test", tables.carve(PageAllocator.bitmapBytes(pages)), region.address() + (2L << 20), pages);
        return new NetMemory(tables, new HeapAllocator("test heap", p, tables, 1024), region);
    }

    @Override
    public void close() {
        arena.close();
    }

    /** One end of the wire: sends to {@code out}, receives from {@code in}. */
    private final class End implements Link {
        private final ArrayDeque<byte[]> in;
        private final ArrayDeque<byte[]> out;

        End(ArrayDeque<byte[]> in, ArrayDeque<byte[]> out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public boolean transmit(MemorySegment frame) {
            byte[] f = frame.toArray(JAVA_BYTE);
            framesCarried++;
            if (random.nextDouble() >= loss && !dropIf.test(f)) {
                out.add(f);
            }
            return true;
        }

        @Override
        public int receive(MemorySegment into) {
            byte[] f = in.poll();
            if (f == null) {
                return -1;
            }
            MemorySegment.copy(MemorySegment.ofArray(f), 0, into, 0, Math.min(f.length, into.byteSize()));
            return (int) Math.min(f.length, into.byteSize());
        }
    }
}
