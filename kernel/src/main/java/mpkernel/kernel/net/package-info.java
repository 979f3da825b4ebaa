/**
 * The network stack of the safe kernel: Ethernet, ARP, IPv4, ICMP echo, UDP and TCP, with the
 * sockets programs use. Every table, every socket's state and every buffer lives in the
 * stack's {@link mpkernel.kernel.net.NetMemory} (safe-kernel memory in a kernel); Java objects
 * here are views over it and hold no protocol state. Frames come and go through a
 * {@link mpkernel.kernel.net.Link}: in a kernel, the virtio-net driver behind its gate.
 *
 * <p>What the TCP does: the three-way handshake (and simultaneous open), a sliding window on
 * both sides (64 KiB buffers; no window scaling), the MSS option (1460 bytes on a 1500-byte
 * MTU), retransmission on timeout with the RFC 6298 estimator (1 s initial, 200 ms minimum,
 * doubled on each expiry, go-back-N from the oldest unacknowledged byte), fast retransmit on
 * the third duplicate ACK, out-of-order segments held for reassembly (up to four ranges,
 * each re-acknowledged at once with the window unchanged, so that the sender's fast retransmit
 * repairs a loss), zero-window probes,
 * FIN in every state of RFC 9293, RST both ways, RFC 5961 challenge ACKs, and a short
 * TIME_WAIT (2 s: a LAN, and a table of 64 sockets). There is no delayed-ACK timer: the stack
 * acknowledges at the end of each batch of received frames (at most
 * {@value mpkernel.kernel.net.NetStack#BATCH}), once per connection, piggybacked on data when it
 * has some. Not done: SACK (so a sender repairs one hole per round trip), fast recovery on the
 * sending side, IP fragments, IP options (skipped), urgent data, Nagle's algorithm (every send
 * goes out at once).
 */
@RunsIn("SAFE_KERNEL")
package mpkernel.kernel.net;

import mpkernel.annotations.RunsIn;
