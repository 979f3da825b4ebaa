package mpkernel.kernel.api;

/**
 * What {@link Sys#stat} reports.
 *
 * @param inode the inode number
 * @param size size in bytes
 * @param directory whether it is a directory
 * @param readOnly whether it cannot be written (host files)
 */
public record FileStat(long inode, long size, boolean directory, boolean readOnly) {
}
