/**
 * The unsafe kernel (domain {@code UNSAFE_KERNEL}): the only kernel code granted native access.
 * The safe kernel reaches it only through the gate into {@code UNSAFE_KERNEL}, which drops
 * every right on safe-kernel memory.
 */
module mpkernel.unsafezone {
    requires transitive mpkernel.isolation;
}
