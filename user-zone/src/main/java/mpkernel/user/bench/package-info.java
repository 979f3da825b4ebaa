/**
 * The paper's macrobenchmarks as user programs, each written from its published specification
 * (cited in its class): all working memory from the kernel's {@code malloc}, time from
 * {@code clock_gettime}, the report through {@code write}, ending in a machine-readable
 * {@code MPK-RESULT} line. {@link mpkernel.user.bench.BenchProgram} is the {@code main} they
 * share, so that each program's class holds its parameters, its algorithm and its verification.
 */
@RunsIn("USER")
package mpkernel.user.bench;

import mpkernel.annotations.RunsIn;
