/**
 * Memory management of the safe kernel. Every piece of allocator metadata (page bitmaps, block
 * records, free lists, the address hash) lives off-heap in safe-kernel memory, out of band:
 * user and unsafe-kernel blocks hold only data, so an overflow in them cannot corrupt the
 * allocator, and a corrupted allocator is visible in the kernel's integrity digest.
 */
@RunsIn("SAFE_KERNEL")
package mpkernel.kernel.mm;

import mpkernel.annotations.RunsIn;
