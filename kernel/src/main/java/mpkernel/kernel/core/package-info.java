/**
 * The safe kernel's core: the system calls and the gates around them. {@code SyscallHandle}
 * is the user-to-kernel gate (every {@code Sys} method is one crossing); {@code UnsafeCalls} is
 * the kernel-to-unsafe gate (every call into {@code mpkernel.unsafezone} is one crossing), and
 * {@code DeviceFiles} are the {@code /dev/} files over it.
 */
@RunsIn("SAFE_KERNEL")
package mpkernel.kernel.core;

import mpkernel.annotations.RunsIn;
