package mpkernel.attacks;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;

/** The kernel's published layout ({@code /proc/layout}): name to address and length. */
final class Layout {
    private final Map<String, long[]> entries;

    private Layout(Map<String, long[]> entries) {
        this.entries = entries;
    }

    static Layout read(Sys sys) {
        MemorySegment buf = sys.malloc(4096);
        try {
            int fd = sys.open("/proc/layout", Sys.O_RDONLY);
            long n = sys.read(fd, buf);
            sys.close(fd);
            String text = new String(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
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
            return new Layout(m);
        } finally {
            sys.free(buf);
        }
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    long address(String name) {
        return get(name)[0];
    }

    long length(String name) {
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
