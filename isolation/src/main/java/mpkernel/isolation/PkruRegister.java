package mpkernel.isolation;

/**
 * Where an {@link MpkGate} writes rights: the real PKRU register ({@link #HARDWARE}), or, for
 * {@link Backend#MPK_DRY}, a word of memory standing in for it ({@link #EMULATED}), so that the
 * whole gate path except the WRPKRU and LFENCE instructions can be timed on a CPU without PKU.
 */
sealed interface PkruRegister {

    /**
     * Writes {@code pkru} and returns the previous value, unless the calling thread has less
     * than {@link ThreadState#HEADROOM} bytes of stack above {@code stackLimit}: then it returns
     * -1 and writes nothing.
     */
    long swap(int pkru, long stackLimit);

    /**
     * Like {@link #swap}, but writes nothing and returns {@link PkruStubs#MOVED} unless the
     * 64-bit word at {@code epochCell} holds {@code epoch} (read after every store the caller
     * made before this call).
     */
    long swapIf(int pkru, long stackLimit, long epochCell, long epoch);

    /** Writes {@code pkru}. */
    void write(int pkru);

    /** Reads the current value. */
    int read();

    /** The CPU's PKRU, through {@link PkruStubs}. */
    PkruRegister HARDWARE = new Hardware();

    /** A memory word, through {@link EmulatedPkruStubs}: the same number of downcalls, no PKRU instruction. */
    PkruRegister EMULATED = new Emulated();

    final class Hardware implements PkruRegister {
        @Override
        public long swap(int pkru, long stackLimit) {
            return PkruStubs.swap(pkru, stackLimit);
        }

        @Override
        public long swapIf(int pkru, long stackLimit, long epochCell, long epoch) {
            return PkruStubs.swapIf(pkru, stackLimit, epochCell, epoch);
        }

        @Override
        public void write(int pkru) {
            PkruStubs.write(pkru);
        }

        @Override
        public int read() {
            return PkruStubs.read();
        }
    }

    final class Emulated implements PkruRegister {
        @Override
        public long swap(int pkru, long stackLimit) {
            return EmulatedPkruStubs.swap(pkru, stackLimit);
        }

        @Override
        public long swapIf(int pkru, long stackLimit, long epochCell, long epoch) {
            return EmulatedPkruStubs.swapIf(pkru, stackLimit, epochCell, epoch);
        }

        @Override
        public void write(int pkru) {
            EmulatedPkruStubs.write(pkru);
        }

        @Override
        public int read() {
            return EmulatedPkruStubs.read();
        }
    }
}
