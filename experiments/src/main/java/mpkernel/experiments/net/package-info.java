/**
 * {@code ./mpk netbench}: the kernel's network under load, per backend and against Linux. TCP
 * stream throughput by message size (a {@code java.net} sender in a child JVM inside the network
 * namespace, against the kernel's {@code tcp-discard} and against the same sink on Linux behind a
 * veth pair), {@code redis-benchmark} against {@code kv-server}, {@code wrk} against
 * {@code http-server}; repetitions in rotated backend order, means with Student t intervals,
 * slowdowns against {@code none} by the overhead experiment's paired log ratio, gate crossings
 * per request and per megabyte, and the targets the issue sets.
 */
package mpkernel.experiments.net;
