/**
 * Protection domains over one address space, in the shape of the VEE'20 paper
 * <i>Intra-Unikernel Isolation with Intel Memory Protection Keys</i> (Sung, Olivier, Lankes,
 * Ravindran).
 *
 * <p>A {@link mpkernel.isolation.Policy} declares the {@link mpkernel.isolation.Domain}s, the
 * size of each one's private memory and the {@link mpkernel.isolation.Access} every domain has
 * to every other domain's memory. {@link mpkernel.isolation.Isolation#boot} maps one region per
 * domain, tags it with the domain's protection key and hands out one
 * {@link mpkernel.isolation.Gate} per domain; code runs inside a domain only within
 * {@code gate.call(..)}. Key 0 (the Java heap, the JVM, libc) is open in every domain, so
 * protected state lives off-heap in the domain regions.
 *
 * <p>Three {@link mpkernel.isolation.Backend}s enforce a policy: {@code none} (the unisolated
 * baseline: gates do nothing), {@code mpk} (real protection keys: {@code pkey_mprotect} and a
 * {@code wrpkru; lfence} stub per crossing) and {@code mprotect} (the pre-MPK baseline: a
 * crossing {@code mprotect}s every region whose rights change). A denied access raises SIGSEGV
 * and kills the JVM; {@link mpkernel.isolation.fault} runs such victims in child JVMs and
 * reads their fate.
 */
package mpkernel.isolation;
