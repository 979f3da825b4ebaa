package mpkernel.kernel.host;

import java.util.List;
import java.util.function.Consumer;

/** The host's network behind the emulated virtio-net device: a TAP interface, or the in-process peer. */
public interface NetBackend {

    /** Starts passing the host's frames to {@code toGuest}, in batches, from threads of the backend's own. */
    void start(Consumer<List<byte[]>> toGuest);

    /** Sends a frame the guest transmitted (a full host may drop it, as a wire would). */
    void send(byte[] frame);

    /** Stops the threads and releases what the backend holds. */
    void close();
}
