/**
 * Raw-memory primitives and drivers of the unsafe kernel. Everything here runs in
 * {@code UNSAFE_KERNEL}, entered from the safe kernel through a gate.
 */
@RunsIn("UNSAFE_KERNEL")
package mpkernel.unsafezone;

import mpkernel.annotations.RunsIn;
