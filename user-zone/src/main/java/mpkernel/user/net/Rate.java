package mpkernel.user.net;

import java.util.Locale;

import mpkernel.kernel.api.Sys;

/** A transfer's duration and rate, for the programs' last lines. */
final class Rate {

    private final Sys sys;
    private final long start;

    Rate(Sys sys) {
        this.sys = sys;
        this.start = sys.clockGettime(Sys.CLOCK_MONOTONIC);
    }

    /** {@code "in 1.234 s (81.0 MB/s)"} for {@code bytes} since this was made. */
    String of(long bytes) {
        double seconds = Math.max(1e-9, (sys.clockGettime(Sys.CLOCK_MONOTONIC) - start) / 1e9);
        return String.format(Locale.ROOT, "in %.3f s (%.1f MB/s)", seconds, bytes / seconds / 1e6);
    }
}
