package mpkernel.kernel.net;

/**
 * The out-of-order segments a connection keeps (RFC 9293, section 3.10.7.4: "segments with
 * higher beginning sequence numbers SHOULD be held for later processing"). Their bytes go
 * straight into the receive ring's free part, where they will lie once the bytes before them
 * arrive; the socket's row remembers up to {@value #RANGES} ranges of sequence numbers, lowest
 * first. Without them every segment behind a lost one was thrown away, so one loss cost the
 * sender the whole flight behind it: a sender without SACK (the peer is offered none) then
 * repairs one segment per round trip or waits for its retransmission timeout, which backs off
 * to tens of seconds.
 *
 * <p>While a range is held, {@link TcpSender#window} keeps the window last advertised: a
 * sender counts an acknowledgement as a duplicate only if it leaves the window as it was
 * (RFC 5681, section 2; Linux ignores one that opens it), and it is the third duplicate that
 * makes it resend the missing segment instead of waiting for its timer.
 */
final class Reassembly {

    /** Ranges a connection holds at most: a range past these is dropped, and the sender resends it. */
    static final int RANGES = 4;

    private Reassembly() {
    }

    /** Whether {@code s} holds bytes beyond a gap. */
    static boolean holding(Sock s) {
        return s.get(Sock.HELD_RANGES) > 0;
    }

    /**
     * Keeps {@code n} bytes of {@code seg}, from {@code from} on, that start {@code gap} bytes
     * beyond {@code RCV.NXT}, as far as the receive ring's free part reaches. False if nothing
     * was kept: no room in the ring, or the range would be the highest of more than {@value #RANGES}.
     */
    static boolean keep(Sock s, Segment seg, int from, int gap, int n) {
        int room = s.rx.free() - gap;
        if (room <= 0) {
            return false;
        }
        int length = Math.min(n, room);
        int start = s.get(Sock.RCV_NXT) + gap;
        if (!insert(s, start, start + length)) {
            return false;
        }
        s.rx.place(gap, seg.frame, seg.data + from, length);
        return true;
    }

    /**
     * {@code RCV.NXT} has just moved: drops the ranges it reached and returns how many bytes
     * beyond it they make contiguous (which the caller adds to the ring and to {@code RCV.NXT}).
     */
    static int joined(Sock s) {
        int next = s.get(Sock.RCV_NXT);
        int reached = next;
        int held = s.get(Sock.HELD_RANGES);
        int first = 0;
        while (first < held && Seq.le(start(s, first), reached)) {
            if (Seq.gt(end(s, first), reached)) {
                reached = end(s, first);
            }
            first++;
        }
        for (int i = first; i < held; i++) {
            set(s, i - first, start(s, i), end(s, i));
        }
        s.set(Sock.HELD_RANGES, held - first);
        return reached - next;
    }

    /** Forgets every range (their bytes stay behind in the ring's free part, to be overwritten). */
    static void clear(Sock s) {
        s.set(Sock.HELD_RANGES, 0);
    }

    /**
     * Adds {@code [start, end)} to the ranges, merged with those it overlaps or touches. False
     * if that would make more than {@value #RANGES} and it is the highest; if it is not, the
     * highest range is given up for it instead, since the lower ones are needed first.
     */
    private static boolean insert(Sock s, int start, int end) {
        int held = s.get(Sock.HELD_RANGES);
        int at = 0;
        while (at < held && Seq.lt(end(s, at), start)) {
            at++; // ranges wholly below, not touching
        }
        int last = at;
        while (last < held && Seq.le(start(s, last), end)) {
            start = Seq.lt(start(s, last), start) ? start(s, last) : start;
            end = Seq.gt(end(s, last), end) ? end(s, last) : end;
            last++; // ranges it overlaps or touches, merged into it
        }
        int merged = last - at;
        if (merged == 0 && held == RANGES) {
            if (at == held) {
                return false;
            }
            held--; // the highest goes
        }
        int count = held - merged + 1;
        if (merged == 0) {
            for (int i = held - 1; i >= at; i--) {
                set(s, i + 1, start(s, i), end(s, i));
            }
        } else {
            for (int i = last; i < held; i++) {
                set(s, i - merged + 1, start(s, i), end(s, i));
            }
        }
        set(s, at, start, end);
        s.set(Sock.HELD_RANGES, count);
        return true;
    }

    private static int start(Sock s, int i) {
        return s.get(Sock.RANGES + 8 * i);
    }

    private static int end(Sock s, int i) {
        return s.get(Sock.RANGES + 8 * i + 4);
    }

    private static void set(Sock s, int i, int start, int end) {
        s.set(Sock.RANGES + 8 * i, start);
        s.set(Sock.RANGES + 8 * i + 4, end);
    }
}
