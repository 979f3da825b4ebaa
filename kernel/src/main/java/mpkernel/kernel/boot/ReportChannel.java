package mpkernel.kernel.boot;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

import mpkernel.isolation.Gate;
import mpkernel.kernel.mm.StaticArea;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * How a kernel process tells its parent what happened, so that the program it ran cannot forge
 * it. The parent writes a fresh random token (64 hex digits and a newline) on the process's
 * standard input, followed by the {@link Kernel#SECRET_BYTES} bytes of the kernel secret; at
 * boot, before any program code exists, the kernel reads both straight into their domains'
 * memory (so the parent, which chose the secret, can look for it in everything the program
 * printed). Every report is one line {@code mpk-report TOKEN PAYLOAD}, assembled in
 * safe-kernel memory and written to file descriptor 1 with one {@code write}: the token never
 * passes through the Java heap, so the program can neither read it there nor, confined, from the
 * pipe, and a line carrying it can only be the kernel's. Without a token (stdin empty or not a
 * token) reports go out unsigned, with {@code -} in its place.
 */
public final class ReportChannel {

    /** Hex digits of a token. */
    public static final int TOKEN_DIGITS = 64;
    /** What every report line starts with. */
    public static final String PREFIX = "mpk-report ";

    private static final int LINE_BYTES = 4096;

    private final Gate gate;
    private final MemorySegment token;
    private final MemorySegment line;
    private final boolean signed;
    private final FileChannel out = new FileOutputStream(FileDescriptor.out).getChannel();

    private ReportChannel(Gate gate, MemorySegment token, MemorySegment line, boolean signed) {
        this.gate = gate;
        this.token = token;
        this.line = line;
        this.signed = signed;
    }

    /**
     * Reads the token from standard input into memory carved from {@code tables}, then the
     * kernel secret into {@code secret} (a random one if the input ends before it); call it
     * inside {@code safeGate}, at boot.
     */
    static ReportChannel open(StaticArea tables, Gate safeGate, Secret secret) {
        MemorySegment token = tables.carve(TOKEN_DIGITS + 1);
        MemorySegment line = tables.carve(LINE_BYTES);
        ByteBuffer into = token.asByteBuffer();
        FileChannel in = new FileInputStream(FileDescriptor.in).getChannel();
        try {
            while (into.hasRemaining() && in.read(into) > 0) {
                // until the token and its newline are in, or end of input
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report token from standard input", e);
        }
        if (!secret.fillFrom(in)) {
            secret.fill(null);
        }
        return new ReportChannel(safeGate, token, line, !into.hasRemaining() && wellFormed(token));
    }

    private static boolean wellFormed(MemorySegment token) {
        for (int i = 0; i < TOKEN_DIGITS; i++) {
            byte b = token.get(JAVA_BYTE, i);
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
                return false;
            }
        }
        return token.get(JAVA_BYTE, TOKEN_DIGITS) == '\n';
    }

    /** Whether reports carry a token. */
    public boolean signed() {
        return signed;
    }

    /** Writes {@code mpk-report TOKEN payload} as one line; {@code payload} must not hold a newline. */
    public synchronized void send(String payload) {
        byte[] head = PREFIX.getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (" " + payload.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
        int n = head.length + TOKEN_DIGITS + Math.min(tail.length, LINE_BYTES - head.length - TOKEN_DIGITS);
        gate.run(() -> {
            MemorySegment.copy(MemorySegment.ofArray(head), 0, line, 0, head.length);
            if (signed) {
                MemorySegment.copy(token, 0, line, head.length, TOKEN_DIGITS);
            } else {
                line.asSlice(head.length, TOKEN_DIGITS).fill((byte) '-');
            }
            MemorySegment.copy(MemorySegment.ofArray(tail), 0, line, head.length + TOKEN_DIGITS, n - head.length - TOKEN_DIGITS);
            line.set(JAVA_BYTE, n - 1, (byte) '\n');
            ByteBuffer b = line.asSlice(0, n).asByteBuffer();
            try {
                while (b.hasRemaining()) {
                    out.write(b);
                }
            } catch (IOException e) {
                // the parent stopped listening, or the program closed the descriptor: the report is lost, not forged
            }
        });
    }
}
