package mpkernel.kernel.net;

import mpkernel.kernel.api.SockAddr;

/**
 * The addresses of one network interface.
 *
 * @param mac its Ethernet address (48 bits)
 * @param address its IPv4 address
 * @param prefixLength the length of its subnet's prefix
 * @param gateway where packets for other subnets go
 */
public record NetConfig(long mac, int address, int prefixLength, int gateway) {

    /** The guest's side of every network here: 10.77.0.2/24, MAC 02:6d:70:6b:00:02 (locally administered). */
    public static final NetConfig GUEST = new NetConfig(0x026d706b0002L, SockAddr.parseAddress("10.77.0.2"), 24,
            SockAddr.parseAddress("10.77.0.1"));
    /** The host's side: 10.77.0.1/24, MAC 02:6d:70:6b:00:01 (the in-process peer's; a TAP interface has its own). */
    public static final NetConfig HOST = new NetConfig(0x026d706b0001L, SockAddr.parseAddress("10.77.0.1"), 24,
            SockAddr.parseAddress("10.77.0.2"));

    /** Checks the values. */
    public NetConfig {
        if (prefixLength < 1 || prefixLength > 30) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is not in 1..30");
        }
        if ((mac >>> 48) != 0 || (mac >>> 40 & 1) != 0) {
            throw new IllegalArgumentException("not a unicast 48-bit MAC address");
        }
    }

    /** The subnet mask. */
    public int netmask() {
        return -1 << (32 - prefixLength);
    }
}
