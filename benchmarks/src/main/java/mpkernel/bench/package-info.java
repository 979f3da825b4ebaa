/**
 * The JMH microbenchmarks behind {@code ./mpk bench}: a gate round trip on every backend beside
 * its floor (two bare critical downcalls), the null system call, the paper's {@code write_bytes}
 * sweep and kernel {@code malloc}/{@code free}, each on a kernel booted per backend
 * ({@link mpkernel.bench.Booted}); and the hardware alone: WRPKRU+LFENCE
 * ({@link mpkernel.bench.WrpkruBench}, where the CPU has PKU) and the clock that turns its
 * nanoseconds into cycles ({@link mpkernel.bench.ClockBench}). Harness code, in no domain: it drives the kernel from outside
 * as a program task or the safe kernel would, and runs on the kernel's own kind of thread
 * ({@link mpkernel.bench.DomainThreadPool}).
 */
package mpkernel.bench;
