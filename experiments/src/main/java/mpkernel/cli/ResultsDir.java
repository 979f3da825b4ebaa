package mpkernel.cli;

import java.nio.file.Path;

import mpkernel.isolation.fault.PkuGuest;

/**
 * Where a command writes its result files: {@code --out}, else the project's {@code results/};
 * a smoke run ({@code --quick}) into {@code quick/} below that, and a run inside the PKU guest
 * whose times are emulation artefacts ({@code --emulated}) into {@code emulated/}: places where
 * {@code ./mpk figures} does not look unless asked, so no such number reaches a figure or the
 * README by accident.
 */
final class ResultsDir {

    private ResultsDir() {
    }

    /** The folder the results of a full run go to: {@code out}, else {@code results/}. */
    static Path base(Path out) {
        return out != null ? out : PkuGuest.projectRoot().resolve("results");
    }

    /** The folder this run's files go to. */
    static Path of(Path out, boolean quick) {
        return of(out, quick, false);
    }

    /** The folder this run's files go to; emulated times go to {@code emulated/}, whether quick or not. */
    static Path of(Path out, boolean quick, boolean emulated) {
        return emulated ? base(out).resolve("emulated") : quick ? base(out).resolve("quick") : base(out);
    }
}
