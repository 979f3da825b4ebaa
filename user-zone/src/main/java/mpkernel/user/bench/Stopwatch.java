package mpkernel.user.bench;

import mpkernel.kernel.api.Sys;

/**
 * Times a benchmark's sections on {@link Sys#CLOCK_MONOTONIC}. Every reading is one
 * {@code clock_gettime} system call, a gate crossing that the isolated backends make dearer, so a
 * stopwatch reads the clock exactly once when it starts and once per {@link #lap}, and never
 * anywhere else: the number of crossings a program makes stays what its source shows.
 */
final class Stopwatch {

    private final Sys sys;
    private long last;

    private Stopwatch(Sys sys) {
        this.sys = sys;
        this.last = sys.clockGettime(Sys.CLOCK_MONOTONIC);
    }

    /** Reads the clock once and starts timing from that reading. */
    static Stopwatch start(Sys sys) {
        return new Stopwatch(sys);
    }

    /** Reads the clock once; returns the seconds since the previous reading, and times on from this one. */
    double lap() {
        long now = sys.clockGettime(Sys.CLOCK_MONOTONIC);
        double seconds = (now - last) / 1e9;
        last = now;
        return seconds;
    }
}
