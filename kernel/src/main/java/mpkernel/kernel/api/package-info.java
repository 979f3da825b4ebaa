/**
 * The system-call API: the only package of the kernel a user program can see.
 *
 * <p>A program implements {@link mpkernel.kernel.api.UserProgram} and talks to the kernel only
 * through the {@link mpkernel.kernel.api.Sys} handle it is given. Every method of {@code Sys}
 * is a system call: it enters the safe kernel through the user-to-kernel gate and leaves
 * through it again, so a program cannot reach kernel state without a crossing. The calls are
 * shaped after POSIX (the Rumprun idea), so that porting a C program is mechanical: memory
 * comes from {@code malloc}, input from {@code open}/{@code read}, output goes to
 * {@code write}, time from {@code clock_gettime}.
 */
package mpkernel.kernel.api;
