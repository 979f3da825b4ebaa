package mpkernel.kernel.net;

/**
 * Initial sequence numbers after RFC 6528: a clock ticking every 4 microseconds plus a keyed
 * hash of the connection's four addresses and ports, so that neither an old segment of the same
 * connection nor an off-path guess lines up. The hash is a 64-bit mix (SplitMix64's
 * finaliser), not a cryptographic function.
 */
final class Isn {

    private Isn() {
    }

    static int next(long key, Sock s, long now) {
        long x = key ^ ((long) s.get(Sock.LOCAL_ADDRESS) << 32 | (s.get(Sock.REMOTE_ADDRESS) & 0xffffffffL));
        x = mix(x ^ mix((long) s.get(Sock.LOCAL_PORT) << 16 | s.get(Sock.REMOTE_PORT)));
        return (int) (now / 4000) + (int) x;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
