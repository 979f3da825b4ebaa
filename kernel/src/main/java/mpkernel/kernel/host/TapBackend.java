package mpkernel.kernel.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import mpkernel.tap.Tap;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * A Linux TAP interface as the host's network: a reader thread waits on the interface outside
 * every gate and passes what it reads to the device in batches of up to {@value #BATCH} frames;
 * frames the guest sends are written to the interface. The frame buffers are memory of no
 * domain.
 */
public final class TapBackend implements NetBackend {

    private static final int BATCH = 64;
    private static final int FRAME = 2048;

    private final Tap tap;
    private final Function<Runnable, Thread> threads;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment readBuffer = arena.allocate(FRAME);
    private final MemorySegment writeBuffer = arena.allocate(FRAME);
    private Thread reader;
    private volatile boolean stopping;

    private TapBackend(Tap tap, Function<Runnable, Thread> threads) {
        this.tap = tap;
        this.threads = threads;
    }

    /**
     * Attaches TAP interface {@code name} (at boot: it opens {@code /dev/net/tun}).
     *
     * @throws IllegalStateException with a one-line reason if it cannot
     */
    public static TapBackend open(String name, Function<Runnable, Thread> threads) {
        return new TapBackend(Tap.open(name), threads);
    }

    @Override
    public void start(Consumer<List<byte[]>> toGuest) {
        reader = threads.apply(() -> read(toGuest));
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Consumer<List<byte[]>> toGuest) {
        while (!stopping) {
            if (!tap.awaitReadable(100)) {
                continue;
            }
            List<byte[]> batch = new ArrayList<>();
            int n;
            while (batch.size() < BATCH && (n = tap.read(readBuffer)) > 0) {
                batch.add(readBuffer.asSlice(0, n).toArray(JAVA_BYTE));
            }
            toGuest.accept(batch);
        }
    }

    @Override
    public synchronized void send(byte[] frame) {
        if (frame.length > FRAME || stopping) {
            return;
        }
        MemorySegment.copy(MemorySegment.ofArray(frame), 0, writeBuffer, 0, frame.length);
        tap.write(writeBuffer.asSlice(0, frame.length));
    }

    @Override
    public void close() {
        stopping = true;
        try {
            if (reader != null) {
                reader.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader != null && reader.isAlive()) {
            return; // still inside a read: the process's end releases the interface
        }
        synchronized (this) {
            tap.close();
        }
        arena.close();
    }
}
