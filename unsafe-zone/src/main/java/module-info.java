/**
 * The unsafe kernel (domain {@code UNSAFE_KERNEL}): the only kernel code granted native access
 * ({@code --enable-native-access=mpkernel.unsafezone}). It works on raw addresses: the paper's
 * {@code write_bytes}/{@code copy_nonoverlapping}, the virtio split-ring console and network
 * drivers, zlib.
 * Only the safe kernel may call it, and only through the gate into {@code UNSAFE_KERNEL}, which
 * drops every right on safe-kernel memory. It knows nothing of the isolation beyond the
 * {@code @RunsIn} annotation.
 */
module mpkernel.unsafezone {
    requires mpkernel.annotations;
    exports mpkernel.unsafezone to mpkernel.kernel;
    exports mpkernel.unsafezone.virtio to mpkernel.kernel;
}
