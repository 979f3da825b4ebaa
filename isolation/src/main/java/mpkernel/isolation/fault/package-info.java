/**
 * Reading the fate of a JVM that isolation may kill.
 *
 * <p>A denied access raises SIGSEGV; HotSpot writes an hs_err file and aborts. Whatever
 * provokes one runs in a child JVM ({@link mpkernel.isolation.fault.ChildJvm}); the parent
 * reads the exit status, the hs_err file ({@link mpkernel.isolation.fault.CrashReport}: signal,
 * {@code si_code}, {@code si_addr}, Java frames) and the child's
 * {@link mpkernel.isolation.RegionLayout}, and so learns which domain's memory was touched.
 */
package mpkernel.isolation.fault;
