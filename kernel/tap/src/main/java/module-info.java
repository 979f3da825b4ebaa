/**
 * The host's end of a Linux TAP device, which the emulated virtio-net device reads and writes
 * the way a hypervisor's network backend does. A module of its own because attaching a TAP
 * interface takes an {@code ioctl}, hence FFM, hence native access; the kernel
 * ({@code mpkernel.kernel.host}, domain {@code DEVICE}) is its only reader.
 */
module mpkernel.tap {
    requires mpkernel.annotations;
    exports mpkernel.tap to mpkernel.kernel;
}
