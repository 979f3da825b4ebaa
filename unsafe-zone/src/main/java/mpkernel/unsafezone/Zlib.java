package mpkernel.unsafezone;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** The system's zlib, called through FFM: native code, hence in the unsafe kernel. */
public final class Zlib {

    private static final MethodHandle CRC32 = Linker.nativeLinker().downcallHandle(
            SymbolLookup.libraryLookup("libz.so.1", Arena.global()).findOrThrow("crc32"),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT), Linker.Option.critical(false));

    private Zlib() {
    }

    /** zlib's {@code crc32(0, address, len)}. */
    public static int crc32(long address, int len) {
        try {
            return (int) (long) CRC32.invokeExact(0L, MemorySegment.ofAddress(address), len);
        } catch (Throwable t) {
            throw new IllegalStateException("zlib crc32 failed", t);
        }
    }
}
