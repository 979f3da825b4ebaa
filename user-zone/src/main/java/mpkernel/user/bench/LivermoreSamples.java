package mpkernel.user.bench;

import java.util.List;
import java.util.function.UnaryOperator;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code livermore-samples}: {@link Livermore} with the clock read around every sample, two
 * system calls per sample (about 50,000 per default run). Not how the original times; kept,
 * under a name that says so, as a macrobenchmark that crosses the user-kernel gate thousands of
 * times a second.
 */
@Program(name = "livermore-samples", description = "Livermore Fortran Kernels timed around every sample: crossing-heavy (~8,000 system calls/s)")
public final class LivermoreSamples implements UserProgram {

    static final String NAME = "livermore-samples";

    private final Livermore delegate = new Livermore(UnaryOperator.identity(), true);

    @Override
    public int main(Sys sys, List<String> args) {
        return delegate.main(sys, args);
    }
}
