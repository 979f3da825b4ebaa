/**
 * A virtio-style split-ring console: the driver ({@link mpkernel.unsafezone.virtio.VirtioConsole},
 * unsafe kernel) and an emulated device ({@link mpkernel.unsafezone.virtio.ConsoleDevice}, a
 * backend thread standing for the host). The descriptor table and the available and used rings
 * live in DMA memory inside the unsafe kernel's region and are addressed by raw pointers, as in
 * the virtio 1.x split-virtqueue layout; the device reaches them through its own view of that
 * memory, as a hypervisor does. The driver runs in the {@code DRIVER} domain when the kernel
 * declares it ({@code --domains driver}), else in {@code UNSAFE_KERNEL}.
 */
@RunsIn(value = "DRIVER", otherwise = "UNSAFE_KERNEL")
package mpkernel.unsafezone.virtio;

import mpkernel.isolation.RunsIn;
