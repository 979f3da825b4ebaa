package mpkernel.kernel.mm;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SysError;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The pages of one domain region, one bit each in a bitmap kept in safe-kernel memory.
 * First-fit over runs of free pages, starting from a roving hint.
 */
public final class PageAllocator {

    /** Page size. */
    public static final long PAGE = 4096;

    private final String name;
    private final MemorySegment bitmap;
    private final long base;
    private final long pages;
    private long hint;
    private long inUse;

    /**
     * Pages {@code [base, base + pages * PAGE)}, bitmap in {@code bitmap} (at least
     * {@link #bitmapBytes(long)} bytes of safe-kernel memory, zeroed).
     */
    public PageAllocator(String name, MemorySegment bitmap, long base, long pages) {
        if (bitmap.byteSize() < bitmapBytes(pages)) {
            throw new IllegalArgumentException("bitmap too small");
        }
        this.name = name;
        this.bitmap = bitmap;
        this.base = base;
        this.pages = pages;
    }

    /** Bitmap bytes needed for {@code pages} pages. */
    public static long bitmapBytes(long pages) {
        return (pages + 63) / 64 * 8;
    }

    /** Allocates {@code n} contiguous pages; returns their address. */
    public long allocate(long n) {
        if (n <= 0) {
            throw new SysError(Errno.EINVAL, "allocation of " + n + " pages");
        }
        long start = find(n, hint);
        if (start < 0) {
            start = find(n, 0);
        }
        if (start < 0) {
            throw new SysError(Errno.ENOMEM, name + ": no run of " + n + " free pages (" + inUse + " of " + pages + " in use)");
        }
        for (long p = start; p < start + n; p++) {
            set(p, true);
        }
        hint = start + n;
        inUse += n;
        return base + start * PAGE;
    }

    /** Frees {@code n} pages at {@code address}; every one must be allocated. */
    public void free(long address, long n) {
        long off = address - base;
        if (off < 0 || off % PAGE != 0 || n <= 0 || off / PAGE + n > pages) {
            throw new SysError(Errno.EINVAL, String.format("%s: 0x%x (+%d pages) is not a page range of this region", name, address, n));
        }
        long first = off / PAGE;
        for (long p = first; p < first + n; p++) {
            if (!get(p)) {
                throw new SysError(Errno.EINVAL, String.format("%s: page 0x%x is not allocated (double unmap?)", name, base + p * PAGE));
            }
        }
        for (long p = first; p < first + n; p++) {
            set(p, false);
        }
        inUse -= n;
        hint = Math.min(hint, first);
    }

    /** Whether the page holding {@code address} is allocated. */
    public boolean allocated(long address) {
        long off = address - base;
        return off >= 0 && off / PAGE < pages && get(off / PAGE);
    }

    /** Pages in use. */
    public long inUse() {
        return inUse;
    }

    private long find(long n, long from) {
        long run = 0;
        for (long p = from; p < pages; p++) {
            if ((p & 63) == 0 && run == 0 && p + 64 <= pages && bitmap.getAtIndex(JAVA_LONG, p >>> 6) == -1L) {
                p += 63; // a full word of used pages
                continue;
            }
            run = get(p) ? 0 : run + 1;
            if (run == n) {
                return p - n + 1;
            }
        }
        return -1;
    }

    private boolean get(long p) {
        return (bitmap.getAtIndex(JAVA_LONG, p >>> 6) & (1L << (p & 63))) != 0;
    }

    private void set(long p, boolean used) {
        long w = bitmap.getAtIndex(JAVA_LONG, p >>> 6);
        bitmap.setAtIndex(JAVA_LONG, p >>> 6, used ? w | (1L << (p & 63)) : w & ~(1L << (p & 63)));
    }
}
