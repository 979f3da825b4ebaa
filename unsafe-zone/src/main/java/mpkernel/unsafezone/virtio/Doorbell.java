package mpkernel.unsafezone.virtio;

/**
 * The driver's two signals to and from its device: the doorbell it rings after posting buffers,
 * and the completion interrupt it waits for. The device lives outside the unsafe kernel (it
 * stands for the host), so the driver knows it only through this interface.
 */
public interface Doorbell {
    /** The driver has posted buffers. */
    void kick();

    /** Waits, briefly, for the device to complete a request. */
    void awaitInterrupt();
}
