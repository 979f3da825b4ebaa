package mpkernel.attacks;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;

/** The raw read every attack here ends with: {@code bytes} at {@code address}, by native access, as hex. */
final class Steal {

    private Steal() {
    }

    /** Reads {@code bytes} at {@code address} directly (a protection fault if isolation forbids it). */
    static String hex(long address, int bytes) {
        return HexFormat.of().formatHex(MemorySegment.ofAddress(address).reinterpret(bytes).toArray(ValueLayout.JAVA_BYTE));
    }
}
