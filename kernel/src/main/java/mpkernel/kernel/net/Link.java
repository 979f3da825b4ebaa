package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

/** The wire under a stack: in a kernel, the virtio-net driver behind its gate. */
public interface Link {

    /** Sends the frame {@code frame} holds; false if the link is busy and the frame was not sent. */
    boolean transmit(MemorySegment frame);

    /** Copies the next received frame into {@code into}; returns its length, or -1 if none is waiting. */
    int receive(MemorySegment into);
}
