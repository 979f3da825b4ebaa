/**
 * The in-memory file system of the safe kernel: inode table, directory entries and the open
 * file table in safe-kernel memory, file data in blocks of the kernel heap; read-only host
 * files given at boot appear under {@code /host/} (uhyve-style passthrough); device files under
 * {@code /dev/} are served by drivers.
 */
@RunsIn("SAFE_KERNEL")
package mpkernel.kernel.fs;

import mpkernel.annotations.RunsIn;
