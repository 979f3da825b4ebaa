package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.mm.StaticArea;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The network interface's configuration, a row of the stack's memory written once at boot and
 * never again: the kernel's integrity check covers it.
 */
final class Interface {

    static final int MTU = 1500;
    private static final long MAC = 0;
    private static final long ADDRESS = 8;
    private static final long PREFIX = 12;
    private static final long GATEWAY = 16;
    private static final long BYTES = 24;

    private final MemorySegment row;

    Interface(StaticArea tables, NetConfig config) {
        this.row = tables.carve(BYTES);
        row.set(JAVA_LONG, MAC, config.mac());
        row.set(JAVA_INT, ADDRESS, config.address());
        row.set(JAVA_INT, PREFIX, config.prefixLength());
        row.set(JAVA_INT, GATEWAY, config.gateway());
    }

    long mac() {
        return row.get(JAVA_LONG, MAC);
    }

    int address() {
        return row.get(JAVA_INT, ADDRESS);
    }

    int netmask() {
        return -1 << (32 - row.get(JAVA_INT, PREFIX));
    }

    int gateway() {
        return row.get(JAVA_INT, GATEWAY);
    }

    /** Whether {@code address} is on this interface's subnet. */
    boolean onLink(int address) {
        return ((address ^ address()) & netmask()) == 0;
    }

    /** Whether an IPv4 packet to {@code destination} is for this interface (its address or a broadcast). */
    boolean accepts(int destination) {
        return destination == address() || destination == -1 || destination == (address() | ~netmask());
    }

    /** Whether {@code address} can be a peer: not 0, not a broadcast, not multicast. */
    boolean unicast(int address) {
        return address != 0 && address != -1 && address != (address() | ~netmask()) && (address >>> 28) != 0xe;
    }

    /** The row itself, for the integrity check. */
    MemorySegment memory() {
        return row;
    }

    void describe(StringBuilder out) {
        out.append(String.format("interface eth0 mac %012x address %s/%d gateway %s mtu %d%n", mac(),
                SockAddr.format(address()), row.get(JAVA_INT, PREFIX), SockAddr.format(gateway()), MTU));
    }
}
