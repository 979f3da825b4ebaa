package mpkernel.kernel.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

import mpkernel.isolation.Gate;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * The kernel secret: {@link Kernel#SECRET_BYTES} bytes in safe-kernel (or vault) memory that no
 * program may read. It is made in place (random bytes read by the OS straight into its page,
 * or a seeded generator's words stored one by one) and checked in place: no copy of it is ever
 * made in memory of another key, the Java heap included, where a heap dump or scan would find it.
 */
final class Secret {

    private final MemorySegment memory;
    private final Gate gate;

    /** The secret at {@code memory}, which code inside {@code gate} may read and write. */
    Secret(MemorySegment memory, Gate gate) {
        this.memory = memory;
        this.gate = gate;
    }

    /** Fills the secret: from {@code /dev/urandom}, or from {@code seed} (reproducible runs). */
    void fill(Long seed) {
        gate.run(() -> {
            if (seed != null) {
                SplittableRandom random = new SplittableRandom(seed);
                for (long off = 0; off < memory.byteSize(); off += 8) {
                    memory.set(JAVA_LONG_UNALIGNED, off, random.nextLong());
                }
                return;
            }
            try (FileChannel urandom = FileChannel.open(Path.of("/dev/urandom"), StandardOpenOption.READ)) {
                var buffer = memory.asByteBuffer();
                while (buffer.hasRemaining()) {
                    urandom.read(buffer);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read /dev/urandom for the kernel secret", e);
            }
        });
    }

    /**
     * Fills the secret with the next {@link Kernel#SECRET_BYTES} bytes of {@code in}, read by the
     * OS straight into the secret's page; returns false (and fills nothing usable) if {@code in}
     * ends first.
     */
    boolean fillFrom(java.nio.channels.ReadableByteChannel in) {
        return gate.call(() -> {
            var buffer = memory.asByteBuffer();
            try {
                while (buffer.hasRemaining() && in.read(buffer) > 0) {
                    // until the secret is in, or end of input
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the kernel secret from standard input", e);
            }
            return !buffer.hasRemaining();
        });
    }

    /** Where the secret lies. */
    long address() {
        return memory.address();
    }

    /** The secret's memory: for fault hooks and the integrity check, which use it inside {@link #gate()}. */
    MemorySegment memory() {
        return memory;
    }

    /** The gate whose domain owns the secret. */
    Gate gate() {
        return gate;
    }

    /**
     * Whether {@code text} holds the secret, as raw bytes or as hexadecimal digits (either
     * case): the test of a leak. Candidates are taken from {@code text} and compared with the
     * secret inside {@link #gate()}.
     */
    boolean appearsIn(byte[] text) {
        return gate.call(() -> {
            int n = (int) memory.byteSize();
            MemorySegment t = MemorySegment.ofArray(text);
            for (int i = 0; i + n <= text.length; i++) {
                if (MemorySegment.mismatch(memory, 0, n, t, i, i + n) < 0) {
                    return true;
                }
            }
            byte[] candidate = new byte[n];
            MemorySegment c = MemorySegment.ofArray(candidate);
            for (int i = 0; i + 2 * n <= text.length; i++) {
                if (decodeHex(text, i, candidate) && memory.mismatch(c) < 0) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean decodeHex(byte[] text, int from, byte[] out) {
        for (int b = 0; b < out.length; b++) {
            int hi = Character.digit(text[from + 2 * b], 16);
            int lo = Character.digit(text[from + 2 * b + 1], 16);
            if (hi < 0 || lo < 0) {
                return false;
            }
            out[b] = (byte) (hi << 4 | lo);
        }
        return true;
    }
}
