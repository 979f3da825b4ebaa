/**
 * The host side of the kernel's devices: what a hypervisor would be. The emulated virtio
 * console device runs on a thread of its own and reaches the driver's rings and DMA buffers
 * only from inside the gate into {@code DEVICE}, a domain granted the driver's memory and
 * nothing else; there is no second, unprotected mapping of that memory.
 */
@RunsIn("DEVICE")
package mpkernel.kernel.host;

import mpkernel.annotations.RunsIn;
