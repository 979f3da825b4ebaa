/**
 * Booting the kernel: {@link mpkernel.kernel.boot.Kernel#boot} and its
 * {@link mpkernel.kernel.boot.KernelConfig}. Exported only to the launcher, the experiments and
 * the benchmarks; user programs see {@link mpkernel.kernel.api} alone.
 */
@RunsIn("SAFE_KERNEL")
package mpkernel.kernel.boot;

import mpkernel.annotations.RunsIn;
