package mpkernel.kernel.mm;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SysError;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * malloc/free/realloc over one domain region, with all metadata out of band in safe-kernel
 * memory: a table of block records (one per free or allocated block), segregated free lists
 * (one per power-of-two size class, good fit: the first block that fits in the smallest class
 * that can hold the request), and an open-addressing hash from block address to record, which
 * is how {@code free} recognises a foreign pointer or a double free instead of corrupting
 * anything. Neighbouring free blocks coalesce. Memory comes from the region's
 * {@link PageAllocator} in chunks of at least {@link #CHUNK} bytes.
 */
public final class HeapAllocator {

    /** Smallest chunk taken from the page allocator. */
    public static final long CHUNK = 1 << 20;
    static final long ALIGN = 16;
    static final int CLASSES = 48;

    /**
     * A block record: the block's address and size, its physical neighbours' and its free-list
     * neighbours' record numbers ({@link #NIL} for none), its state. The table is an array of
     * them; the offsets below are the layout's.
     */
    static final StructLayout BLOCK_RECORD = MemoryLayout.structLayout(
            JAVA_LONG.withName("address"),
            JAVA_LONG.withName("size"),
            JAVA_INT.withName("prevPhys"),
            JAVA_INT.withName("nextPhys"),
            JAVA_INT.withName("prevFree"),
            JAVA_INT.withName("nextFree"),
            JAVA_INT.withName("state"),
            MemoryLayout.paddingLayout(4)).withName("block record");
    static final long RECORD = BLOCK_RECORD.byteSize();
    static final long R_ADDR = BLOCK_RECORD.byteOffset(groupElement("address"));
    static final long R_SIZE = BLOCK_RECORD.byteOffset(groupElement("size"));
    static final long R_PREV_PHYS = BLOCK_RECORD.byteOffset(groupElement("prevPhys"));
    static final long R_NEXT_PHYS = BLOCK_RECORD.byteOffset(groupElement("nextPhys"));
    static final long R_PREV_FREE = BLOCK_RECORD.byteOffset(groupElement("prevFree"));
    static final long R_NEXT_FREE = BLOCK_RECORD.byteOffset(groupElement("nextFree"));
    static final long R_STATE = BLOCK_RECORD.byteOffset(groupElement("state"));
    static final int UNUSED = 0;
    static final int FREE = 0x46524545;   // "FREE"
    static final int USED = 0x55534544;   // "USED"
    static final int NIL = -1;
    static final int TOMBSTONE = -2;

    private final String name;
    private final PageAllocator pages;
    private final MemorySegment records;
    private final int capacity;
    private final MemorySegment hash;
    private final int hashMask;
    private final MemorySegment heads;
    private int unusedHead;
    private long allocatedBytes;
    private long liveBlocks;

    /**
     * An allocator named {@code name} (for messages) over {@code pages}, with room for
     * {@code capacity} blocks; its tables are carved from {@code tables} (safe-kernel memory).
     */
    public HeapAllocator(String name, PageAllocator pages, StaticArea tables, int capacity) {
        this.name = name;
        this.pages = pages;
        this.capacity = capacity;
        this.records = tables.carve(RECORD * capacity);
        int hashSize = Integer.highestOneBit(capacity * 2 - 1) << 1;
        this.hash = tables.carve(4L * hashSize);
        this.hashMask = hashSize - 1;
        this.heads = tables.carve(4L * CLASSES);
        for (int c = 0; c < CLASSES; c++) {
            heads.setAtIndex(JAVA_INT, c, NIL);
        }
        for (int i = 0; i < hashSize; i++) {
            hash.setAtIndex(JAVA_INT, i, NIL);
        }
        for (int r = 0; r < capacity; r++) {
            setInt(r, R_NEXT_FREE, r + 1 < capacity ? r + 1 : NIL);
        }
        unusedHead = 0;
    }

    /** Bytes of safe-kernel memory the tables of an allocator of {@code capacity} blocks take. */
    public static long tableBytes(int capacity) {
        return RECORD * capacity + 4L * (Integer.highestOneBit(capacity * 2 - 1) << 1) + 4L * CLASSES + 3 * 64;
    }

    /**
     * Largest request served: 64 TiB, more than any region, and small enough that rounding a
     * request up to the alignment or to whole pages cannot overflow.
     */
    public static final long MAX_REQUEST = 1L << 46;

    /** Allocates {@code bytes}, 16-byte aligned; returns the block's address. */
    public long malloc(long bytes) {
        long size = blockSize("malloc", bytes);
        int r = takeFree(size);
        if (r == NIL) {
            long chunk = Math.max(CHUNK, (size + PageAllocator.PAGE - 1) & -PageAllocator.PAGE);
            long addr = pages.allocate(chunk / PageAllocator.PAGE);
            r = newRecord(addr, chunk, NIL, NIL);
        }
        split(r, size);
        setInt(r, R_STATE, USED);
        hashPut(getLong(r, R_ADDR), r);
        allocatedBytes += getLong(r, R_SIZE);
        liveBlocks++;
        return getLong(r, R_ADDR);
    }

    /** Frees the block at {@code address}. Foreign pointers and double frees are reported, never followed. */
    public void free(long address) {
        int r = hashGet(address);
        if (r == NIL) {
            throw new SysError(Errno.EINVAL, String.format("%s: free(0x%x): not a block this heap handed out, or already freed", name, address));
        }
        hashRemove(address);
        setInt(r, R_STATE, FREE);
        allocatedBytes -= getLong(r, R_SIZE);
        liveBlocks--;
        int next = getInt(r, R_NEXT_PHYS);
        if (next != NIL && getInt(next, R_STATE) == FREE) {
            unlinkFree(next);
            absorb(r, next);
        }
        int prev = getInt(r, R_PREV_PHYS);
        if (prev != NIL && getInt(prev, R_STATE) == FREE) {
            unlinkFree(prev);
            absorb(prev, r);
            r = prev;
        }
        linkFree(r);
    }

    /** The usable size of the block at {@code address}. */
    public long sizeOf(long address) {
        int r = hashGet(address);
        if (r == NIL) {
            throw new SysError(Errno.EINVAL, String.format("%s: 0x%x is not an allocated block", name, address));
        }
        return getLong(r, R_SIZE);
    }

    /**
     * Resizes the block at {@code address} to at least {@code bytes}; returns its (possibly new)
     * address. Contents are copied by {@code mover} when the block moves.
     */
    public long realloc(long address, long bytes, Mover mover) {
        long old = sizeOf(address);
        long size = blockSize("realloc", bytes);
        if (size <= old) {
            return address;
        }
        long fresh = malloc(bytes);
        mover.move(address, fresh, old);
        free(address);
        return fresh;
    }

    /** The block size serving a request of {@code bytes}, checked before it is rounded. */
    private long blockSize(String call, long bytes) {
        if (bytes < 0) {
            throw new SysError(Errno.EINVAL, call + "(" + bytes + ")");
        }
        if (bytes > MAX_REQUEST) {
            throw new SysError(Errno.ENOMEM, name + ": " + call + "(" + bytes + ") is larger than any region");
        }
        return Math.max(ALIGN, (bytes + ALIGN - 1) & -ALIGN);
    }

    /** Copies block contents when {@link #realloc} moves a block. */
    @FunctionalInterface
    public interface Mover {
        /** Copies {@code bytes} from {@code from} to {@code to}. */
        void move(long from, long to, long bytes);
    }

    /**
     * The records of the blocks allocated now, as the parts that stay fixed while a block lives
     * (address, size, state; not the links, which neighbours' splits and merges update): for
     * the integrity check of blocks allocated at boot.
     */
    public java.util.List<MemorySegment> allocatedRecords() {
        java.util.List<MemorySegment> parts = new java.util.ArrayList<>();
        for (int r = 0; r < capacity; r++) {
            if (getInt(r, R_STATE) == USED) {
                parts.add(records.asSlice(r * RECORD + R_ADDR, R_PREV_PHYS - R_ADDR)); // address and size
                parts.add(records.asSlice(r * RECORD + R_STATE, 4));
            }
        }
        return parts;
    }

    /** Address of the block-record table (safe-kernel memory). */
    public long recordsAddress() {
        return records.address();
    }

    /** Bytes of the record table that have ever held a block (the live part of the metadata). */
    public long recordsInUseBytes() {
        long highest = 0;
        for (int r = 0; r < capacity; r++) {
            if (getInt(r, R_STATE) != UNUSED) {
                highest = r + 1;
            }
        }
        return Math.max(1, highest) * RECORD;
    }

    /** Bytes in allocated blocks. */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /** Allocated blocks. */
    public long liveBlocks() {
        return liveBlocks;
    }

    /**
     * Walks every record and checks the allocator's invariants: blocks of one chunk tile it
     * without gaps, free neighbours never stay uncoalesced, every free block is on the list of
     * its class, every allocated block is in the hash. Returns a description of the first
     * violation, or {@code null}.
     */
    public String checkInvariants() {
        long free = 0;
        long used = 0;
        for (int r = 0; r < capacity; r++) {
            int state = getInt(r, R_STATE);
            if (state == UNUSED) {
                continue;
            }
            int next = getInt(r, R_NEXT_PHYS);
            if (next != NIL) {
                if (getLong(next, R_ADDR) != getLong(r, R_ADDR) + getLong(r, R_SIZE)) {
                    return "block " + r + " and its successor do not touch";
                }
                if (getInt(next, R_PREV_PHYS) != r) {
                    return "block " + r + "'s successor does not point back";
                }
                if (state == FREE && getInt(next, R_STATE) == FREE) {
                    return "free blocks " + r + " and " + next + " not coalesced";
                }
            }
            if (state == FREE) {
                free++;
            } else if (state == USED) {
                used++;
                if (hashGet(getLong(r, R_ADDR)) != r) {
                    return "allocated block " + r + " missing from the hash";
                }
            } else {
                return "block " + r + " has a corrupt state word";
            }
        }
        long listed = 0;
        for (int c = 0; c < CLASSES; c++) {
            for (int r = heads.getAtIndex(JAVA_INT, c); r != NIL; r = getInt(r, R_NEXT_FREE)) {
                if (getInt(r, R_STATE) != FREE || classOf(getLong(r, R_SIZE)) != c) {
                    return "free list " + c + " holds block " + r + " wrongly";
                }
                listed++;
            }
        }
        if (listed != free) {
            return listed + " blocks on free lists, " + free + " free blocks";
        }
        if (used != liveBlocks) {
            return used + " allocated records, " + liveBlocks + " counted";
        }
        return null;
    }

    // ---- free lists ----

    static int classOf(long size) {
        return 63 - Long.numberOfLeadingZeros(size);
    }

    private int takeFree(long size) {
        for (int c = classOf(size); c < CLASSES; c++) {
            for (int r = heads.getAtIndex(JAVA_INT, c); r != NIL; r = getInt(r, R_NEXT_FREE)) {
                if (getLong(r, R_SIZE) >= size) {
                    unlinkFree(r);
                    return r;
                }
            }
        }
        return NIL;
    }

    private void linkFree(int r) {
        int c = classOf(getLong(r, R_SIZE));
        int head = heads.getAtIndex(JAVA_INT, c);
        setInt(r, R_STATE, FREE);
        setInt(r, R_PREV_FREE, NIL);
        setInt(r, R_NEXT_FREE, head);
        if (head != NIL) {
            setInt(head, R_PREV_FREE, r);
        }
        heads.setAtIndex(JAVA_INT, c, r);
    }

    private void unlinkFree(int r) {
        int prev = getInt(r, R_PREV_FREE);
        int next = getInt(r, R_NEXT_FREE);
        if (prev == NIL) {
            heads.setAtIndex(JAVA_INT, classOf(getLong(r, R_SIZE)), next);
        } else {
            setInt(prev, R_NEXT_FREE, next);
        }
        if (next != NIL) {
            setInt(next, R_PREV_FREE, prev);
        }
    }

    /** Cuts block {@code r} to {@code size}, returning the rest to the free lists. */
    private void split(int r, long size) {
        long rest = getLong(r, R_SIZE) - size;
        if (rest < 2 * ALIGN) {
            return;
        }
        int tail = newRecord(getLong(r, R_ADDR) + size, rest, r, getInt(r, R_NEXT_PHYS));
        int after = getInt(r, R_NEXT_PHYS);
        if (after != NIL) {
            setInt(after, R_PREV_PHYS, tail);
        }
        setInt(r, R_NEXT_PHYS, tail);
        setLong(r, R_SIZE, size);
        linkFree(tail);
    }

    /** Merges {@code b} (the physical successor of {@code a}) into {@code a}. */
    private void absorb(int a, int b) {
        setLong(a, R_SIZE, getLong(a, R_SIZE) + getLong(b, R_SIZE));
        int after = getInt(b, R_NEXT_PHYS);
        setInt(a, R_NEXT_PHYS, after);
        if (after != NIL) {
            setInt(after, R_PREV_PHYS, a);
        }
        releaseRecord(b);
    }

    // ---- records ----

    private int newRecord(long addr, long size, int prevPhys, int nextPhys) {
        int r = unusedHead;
        if (r == NIL) {
            throw new SysError(Errno.ENOMEM, name + ": block table full (" + capacity + " blocks)");
        }
        unusedHead = getInt(r, R_NEXT_FREE);
        setLong(r, R_ADDR, addr);
        setLong(r, R_SIZE, size);
        setInt(r, R_PREV_PHYS, prevPhys);
        setInt(r, R_NEXT_PHYS, nextPhys);
        setInt(r, R_PREV_FREE, NIL);
        setInt(r, R_NEXT_FREE, NIL);
        setInt(r, R_STATE, FREE);
        return r;
    }

    private void releaseRecord(int r) {
        records.asSlice(r * RECORD, RECORD).fill((byte) 0);
        setInt(r, R_NEXT_FREE, unusedHead);
        unusedHead = r;
    }

    private long getLong(int r, long field) {
        return records.get(JAVA_LONG, r * RECORD + field);
    }

    private void setLong(int r, long field, long v) {
        records.set(JAVA_LONG, r * RECORD + field, v);
    }

    private int getInt(int r, long field) {
        return records.get(JAVA_INT, r * RECORD + field);
    }

    private void setInt(int r, long field, int v) {
        records.set(JAVA_INT, r * RECORD + field, v);
    }

    // ---- address hash: linear probing, keys are block addresses ----

    private int slot(long address) {
        long h = (address >>> 4) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & hashMask;
    }

    private int hashGet(long address) {
        for (int i = slot(address), n = 0; n <= hashMask; i = (i + 1) & hashMask, n++) {
            int r = hash.getAtIndex(JAVA_INT, i);
            if (r == NIL) {
                return NIL;
            }
            if (r >= 0 && getLong(r, R_ADDR) == address && getInt(r, R_STATE) == USED) {
                return r;
            }
        }
        return NIL;
    }

    private void hashPut(long address, int r) {
        for (int i = slot(address); ; i = (i + 1) & hashMask) {
            int cur = hash.getAtIndex(JAVA_INT, i);
            if (cur == NIL || cur == TOMBSTONE) {
                hash.setAtIndex(JAVA_INT, i, r);
                return;
            }
        }
    }

    private void hashRemove(long address) {
        for (int i = slot(address), n = 0; n <= hashMask; i = (i + 1) & hashMask, n++) {
            int r = hash.getAtIndex(JAVA_INT, i);
            if (r == NIL) {
                return;
            }
            if (r >= 0 && getLong(r, R_ADDR) == address && getInt(r, R_STATE) == USED) {
                hash.setAtIndex(JAVA_INT, i, TOMBSTONE);
                return;
            }
        }
    }
}
