package mpkernel.isolation;

/**
 * Where an {@link MpkGate} writes rights: the real PKRU register ({@link #HARDWARE}), or, for
 * {@link Backend#MPK_DRY}, a word of memory standing in for it ({@link #EMULATED}), so that the
 * whole gate path except the WRPKRU and LFENCE instructions can be timed on a CPU without PKU.
 */
sealed interface PkruRegister {

    /** Writes {@code pkru}; returns the previous value. */
    int swap(int pkru);

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
        public int swap(int pkru) {
            return PkruStubs.swap(pkru);
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
        public int swap(int pkru) {
            return EmulatedPkruStubs.swap(pkru);
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
