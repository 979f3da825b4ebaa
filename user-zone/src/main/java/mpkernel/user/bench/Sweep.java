package mpkernel.user.bench;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.SplittableRandom;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * {@code sweep}: real work with a system call every {@code K} units of it, so that the rate of
 * gate crossings can be set over five orders of magnitude while the work stays the same: the
 * subject of {@code ./mpk sweep}, which fits a backend's slowdown against that rate.
 *
 * <p>Work ({@code --work}): {@code spmv}, a sparse matrix-vector product in CSR form (as in NPB
 * CG), one unit being one 8-row block (about 0.1 µs) of a 4096-row matrix with 8 entries per row, or
 * {@code triad}, the memory-bound STREAM triad {@code a = b + s*c}, one unit being 128 elements
 * (about 0.2 µs) of 4 Mi-element arrays. All arrays live in {@code malloc}'d user memory. The call
 * ({@code --call}): {@code clock} ({@code clock_gettime}, one crossing), {@code write} (a
 * 16-byte write at offset 0 of a kernel file: {@code lseek} and {@code write}, two), or
 * {@code malloc} ({@code malloc(64)} and {@code free}, two).
 *
 * <p>Usage: {@code sweep [--work spmv|triad] [--units N] [--every K] [--call clock|write|malloc]}.
 * Verification: the checksum of the results equals that of the same units computed again
 * without any system call.
 */
@Program(name = Sweep.NAME, description = "real work with a system call every K units: the crossing-rate sweep's subject")
public final class Sweep extends BenchProgram<Sweep.Params> {

    static final String NAME = "sweep";

    /** The program, as the kernel's service loader creates it. */
    public Sweep() {
        super(NAME, "[--work spmv|triad] [--units N] [--every K] [--call clock|write|malloc]");
    }

    /** One run: the work, the call, how many units of work, and a call after every {@code every} units. */
    record Params(String work, String call, long units, long every) {
    }

    /**
     * Reads {@code --name value} pairs, a repeated option counting with its last value. Not
     * {@link BenchArgs}: this program has never accepted {@code --name=value}, and its messages
     * for bad values are its own.
     */
    @Override
    Params parse(List<String> args) {
        String work = "spmv";
        String call = "clock";
        long units = 4_000_000;
        long every = 1_000;
        for (int i = 0; i < args.size(); i += 2) {
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            if (v == null) {
                throw new BenchArgs.Invalid(args.get(i) + " needs a value");
            }
            switch (args.get(i)) {
                case "--work" -> work = oneOf(v, "spmv", "triad");
                case "--call" -> call = oneOf(v, "clock", "write", "malloc");
                case "--units" -> units = positive(v);
                case "--every" -> every = positive(v);
                default -> throw new BenchArgs.Invalid("unknown option " + args.get(i));
            }
        }
        return new Params(work, call, units, every);
    }

    @Override
    Result run(Sys sys, Params p, BenchMemory memory, BenchReport report) {
        Kernel k = p.work().equals("spmv") ? new Spmv(memory) : new Triad(memory);
        Call c = switch (p.call()) {
            case "write" -> new FileWrite(sys, memory);
            case "malloc" -> () -> sys.free(sys.malloc(64));
            default -> () -> sys.clockGettime(Sys.CLOCK_MONOTONIC);
        };
        Stopwatch timed = Stopwatch.start(sys);
        double sum = 0;
        for (long u = 0; u < p.units(); u++) {
            sum += k.unit(u);
            if ((u + 1) % p.every() == 0) {
                c.make();
            }
        }
        double seconds = timed.lap();
        double reference = 0;
        for (long u = 0; u < p.units(); u++) {
            reference += k.unit(u);
        }
        boolean verified = Double.isFinite(sum) && sum == reference;
        report.add("sweep: %d units of %s, a %s call every %d; checksum %.10e%n", p.units(), p.work(), p.call(),
                p.every(), sum);
        String label = BenchReport.fmt("%s-%s-u%d-k%d", p.work(), p.call(), p.units(), p.every());
        return new Result(label, seconds, verified);
    }

    private static String oneOf(String v, String... allowed) {
        if (!List.of(allowed).contains(v)) {
            throw new BenchArgs.Invalid("expected one of " + String.join("|", allowed) + ", got " + v);
        }
        return v;
    }

    private static long positive(String v) {
        try {
            long n = Long.parseLong(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new BenchArgs.Invalid("expected a positive number, got " + v);
    }

    /** One unit of work; returns something of its result, for the checksum. */
    private interface Kernel {
        double unit(long u);
    }

    /** The system call made every K units. */
    private interface Call {
        void make();
    }

    /** A sparse matrix-vector product, one 8-row block per unit. */
    private static final class Spmv implements Kernel {
        static final int ROWS = 4096;
        static final int PER_ROW = 8;
        static final int BLOCK = 8;
        final MemorySegment values;
        final MemorySegment columns;
        final MemorySegment x;

        Spmv(BenchMemory memory) {
            values = memory.doubles((long) ROWS * PER_ROW);
            columns = memory.ints((long) ROWS * PER_ROW);
            x = memory.doubles(ROWS);
            SplittableRandom r = new SplittableRandom(42);
            for (int i = 0; i < ROWS * PER_ROW; i++) {
                values.setAtIndex(JAVA_DOUBLE, i, r.nextDouble());
                columns.setAtIndex(JAVA_INT, i, r.nextInt(ROWS));
            }
            for (int i = 0; i < ROWS; i++) {
                x.setAtIndex(JAVA_DOUBLE, i, r.nextDouble());
            }
        }

        @Override
        public double unit(long u) {
            int first = (int) (u % (ROWS / BLOCK)) * BLOCK;
            double s = 0;
            for (int row = first; row < first + BLOCK; row++) {
                double y = 0;
                for (int j = row * PER_ROW; j < (row + 1) * PER_ROW; j++) {
                    y += values.getAtIndex(JAVA_DOUBLE, j) * x.getAtIndex(JAVA_DOUBLE, columns.getAtIndex(JAVA_INT, j));
                }
                s += y;
            }
            return s;
        }
    }

    /** The STREAM triad over 128 elements per unit. */
    private static final class Triad implements Kernel {
        static final int ELEMENTS = 4 << 20;
        static final int CHUNK = 128;
        final MemorySegment a;
        final MemorySegment b;
        final MemorySegment c;

        Triad(BenchMemory memory) {
            a = memory.zeroedDoubles(ELEMENTS);
            b = memory.doubles(ELEMENTS);
            c = memory.doubles(ELEMENTS);
            for (int i = 0; i < ELEMENTS; i++) {
                b.setAtIndex(JAVA_DOUBLE, i, i % 7);
                c.setAtIndex(JAVA_DOUBLE, i, i % 5);
            }
        }

        @Override
        public double unit(long u) {
            int first = (int) (u % (ELEMENTS / CHUNK)) * CHUNK;
            for (int i = first; i < first + CHUNK; i++) {
                a.setAtIndex(JAVA_DOUBLE, i, b.getAtIndex(JAVA_DOUBLE, i) + 3.0 * c.getAtIndex(JAVA_DOUBLE, i));
            }
            return a.getAtIndex(JAVA_DOUBLE, first + (int) (u % CHUNK));
        }
    }

    /** A 16-byte write at offset 0 of a kernel file. */
    private static final class FileWrite implements Call {
        final Sys sys;
        final int fd;
        final MemorySegment data;

        FileWrite(Sys sys, BenchMemory memory) {
            this.sys = sys;
            this.fd = sys.open("/sweep.dat", Sys.O_RDWR | Sys.O_CREAT | Sys.O_TRUNC);
            this.data = memory.bytes(16);
        }

        @Override
        public void make() {
            sys.lseek(fd, 0, Sys.SEEK_SET);
            sys.write(fd, data);
        }
    }
}
