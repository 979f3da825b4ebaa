package mpkernel.kernel.api;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /proc/layout}, parsed: where the kernel put its domains, its secret and its tables. A
 * unikernel has no address randomisation worth the name, and the kernel publishes its layout
 * instead of pretending otherwise; attack programs read it here. Entries are named as in the
 * file ({@code secret}, {@code faulty-buffer}, ...), regions as {@code region:DOMAIN}.
 */
public final class ProcLayout {

    private final Map<String, long[]> entries;

    private ProcLayout(Map<String, long[]> entries) {
        this.entries = entries;
    }

    /** Reads and parses the file through {@code sys}. */
    public static ProcLayout read(Sys sys) {
        MemorySegment buf = sys.malloc(8192);
        try {
            int fd = sys.open("/proc/layout", Sys.O_RDONLY);
            long n = sys.read(fd, buf);
            sys.close(fd);
            String text = new String(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
            Map<String, long[]> m = new HashMap<>();
            for (String line : text.split("\n")) {
                String[] f = line.split(" ");
                if (f.length == 3 && f[1].startsWith("0x")) {
                    m.put(f[0], new long[] {Long.parseUnsignedLong(f[1].substring(2), 16), Long.parseLong(f[2])});
                } else if (f.length == 4 && f[0].equals("region")) {
                    long start = Long.parseUnsignedLong(f[2].substring(2), 16);
                    long end = Long.parseUnsignedLong(f[3].substring(2), 16);
                    m.put("region:" + f[1], new long[] {start, end - start});
                }
            }
            return new ProcLayout(m);
        } finally {
            sys.free(buf);
        }
    }

    /** Whether the file has entry {@code name}. */
    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The address of entry {@code name}. */
    public long address(String name) {
        return get(name)[0];
    }

    /** The length in bytes of entry {@code name}. */
    public long length(String name) {
        return get(name)[1];
    }

    private long[] get(String name) {
        long[] e = entries.get(name);
        if (e == null) {
            throw new SysError(Errno.ENOENT, "/proc/layout has no " + name);
        }
        return e;
    }
}
