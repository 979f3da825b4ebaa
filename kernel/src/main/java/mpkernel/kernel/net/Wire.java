package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

/** The stack's side of its {@link Link}: every frame in and out, counted. */
final class Wire {

    private final Link link;
    private final Counters counters;

    Wire(Link link, Counters counters) {
        this.link = link;
        this.counters = counters;
    }

    /** Sends the first {@code len} bytes of {@code frame}; false if the link was busy. */
    boolean send(MemorySegment frame, int len) {
        if (!link.transmit(frame.asSlice(0, len))) {
            counters.count(Counter.LINK_BUSY);
            return false;
        }
        counters.count(Counter.FRAMES_OUT);
        counters.add(Counter.BYTES_OUT, len);
        return true;
    }

    /** Receives the next frame into {@code into}; its length, or -1 if none is waiting. */
    int receive(MemorySegment into) {
        int n = link.receive(into);
        if (n >= 0) {
            counters.count(Counter.FRAMES_IN);
            counters.add(Counter.BYTES_IN, n);
        }
        return n;
    }
}
