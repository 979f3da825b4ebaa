/**
 * The host's end of a Linux TAP device ({@code /dev/net/tun}, through FFM): what the emulated
 * virtio-net device reads frames from and writes frames to. It stands for the host, like the
 * device: the device's host threads run it outside every gate, on memory of no domain, so it
 * can touch no domain's memory.
 */
@RunsIn("DEVICE")
package mpkernel.tap;

import mpkernel.annotations.RunsIn;
