/**
 * The driver side of the virtio-style split-ring console ({@link mpkernel.unsafezone.virtio.VirtioConsole})
 * and network card ({@link mpkernel.unsafezone.virtio.VirtioNet}).
 * The descriptor table and the available and used rings live in DMA memory inside the driver's
 * region and are addressed by raw pointers, as in the virtio 1.x split-virtqueue layout
 * ({@link mpkernel.unsafezone.virtio.RingLayout}). The device, which stands for the host, is not
 * here: the kernel runs it in a domain of its own, and the driver reaches it only through a
 * {@link mpkernel.unsafezone.virtio.Doorbell}. The driver runs in the {@code DRIVER} domain when
 * the kernel declares it ({@code --domains driver}), else in {@code UNSAFE_KERNEL}.
 */
@RunsIn(value = "DRIVER", otherwise = "UNSAFE_KERNEL")
package mpkernel.unsafezone.virtio;

import mpkernel.annotations.RunsIn;
