package mpkernel.kernel.fs;

import java.io.IOException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.FileStat;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.mm.HeapAllocator;
import mpkernel.kernel.mm.StaticArea;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Files, directories' entries and open files, all in safe-kernel tables. Paths are absolute
 * and flat-named (a directory is an entry whose name others extend with {@code /}).
 */
public final class FileSystem {

    static final int INODES = 1024;
    /** File descriptors are {@code 0..FDS-1}; socket descriptors follow them. */
    public static final int FDS = 64;
    /**
     * An inode: its {@code F_*} flags, the host-file or device index ({@code extra}), the file's
     * size, the address of its data block in the kernel heap (0 if none) and that block's
     * capacity. The tables are arrays of these structs; the offsets below are the layouts'.
     */
    static final StructLayout INODE_LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("flags"),
            JAVA_INT.withName("extra"),
            JAVA_LONG.withName("size"),
            JAVA_LONG.withName("data"),
            JAVA_LONG.withName("capacity"),
            MemoryLayout.paddingLayout(16)).withName("inode");
    static final long INODE = INODE_LAYOUT.byteSize();
    static final long I_FLAGS = INODE_LAYOUT.byteOffset(groupElement("flags"));
    static final long I_EXTRA = INODE_LAYOUT.byteOffset(groupElement("extra"));
    static final long I_SIZE = INODE_LAYOUT.byteOffset(groupElement("size"));
    static final long I_DATA = INODE_LAYOUT.byteOffset(groupElement("data"));
    static final long I_CAPACITY = INODE_LAYOUT.byteOffset(groupElement("capacity"));
    static final int F_USED = 1;
    static final int F_DIR = 2;
    static final int F_READONLY = 4;
    static final int F_HOST = 8;
    static final int F_DEVICE = 16;

    /** A directory entry: its inode number + 1 (0 = empty), the name's length, the name's bytes. */
    static final StructLayout DIRENT_LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("inode"),
            JAVA_SHORT.withName("length"),
            MemoryLayout.sequenceLayout(122, JAVA_BYTE).withName("name")).withName("dirent");
    static final long DIRENT = DIRENT_LAYOUT.byteSize();
    static final long D_INODE = DIRENT_LAYOUT.byteOffset(groupElement("inode"));
    static final long D_LEN = DIRENT_LAYOUT.byteOffset(groupElement("length"));
    static final long D_NAME = DIRENT_LAYOUT.byteOffset(groupElement("name"));
    static final int NAME_MAX = (int) (DIRENT - D_NAME);
    /** Largest file: the kernel heap's 64 MiB region could not hold more anyway. */
    static final long MAX_FILE = 1L << 30;

    /** An open file: its inode number + 1 (0 = closed), the open flags, the file offset. */
    static final StructLayout FD_LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("inode"),
            JAVA_INT.withName("flags"),
            JAVA_LONG.withName("offset")).withName("open file");
    static final long FD = FD_LAYOUT.byteSize();
    static final long FD_INODE = FD_LAYOUT.byteOffset(groupElement("inode"));
    static final long FD_FLAGS = FD_LAYOUT.byteOffset(groupElement("flags"));
    static final long FD_OFFSET = FD_LAYOUT.byteOffset(groupElement("offset"));

    private final MemorySegment inodes;
    private final MemorySegment dirents;
    private final MemorySegment fds;
    private final HeapAllocator heap;
    private final MemorySegment kernelMemory;
    /** Host files, opened when added: a confined kernel process opens nothing later. */
    private final List<FileChannel> hostFiles = new ArrayList<>();
    /** Inodes created before {@link #sealBoot}: their table rows must never change. */
    private int bootInodes = -1;
    private final List<Device> devices = new ArrayList<>();

    /** A file system whose tables are carved from {@code tables} and whose file data comes from {@code heap}. */
    public FileSystem(StaticArea tables, HeapAllocator heap, MemorySegment kernelMemory) {
        this.inodes = tables.carve(INODE * INODES);
        this.dirents = tables.carve(DIRENT * INODES);
        this.fds = tables.carve(FD * FDS);
        this.heap = heap;
        this.kernelMemory = kernelMemory;
        mkdir("/");
        mkdir("/dev");
        mkdir("/host");
        mkdir("/proc");
    }

    /** Creates {@code path} as a device file served by {@code device}. */
    public void addDevice(String path, Device device) {
        int ino = create(path, F_DEVICE);
        inodes.set(JAVA_INT, ino * INODE + I_EXTRA, devices.size());
        devices.add(device);
    }

    /** Makes the host file {@code host} readable as {@code /host/NAME}; it is opened now and stays open. */
    public void addHostFile(String name, Path host) {
        if (!Files.isRegularFile(host) || !Files.isReadable(host)) {
            throw new IllegalArgumentException("host file " + host + " is not a readable regular file");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(host, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new IllegalArgumentException("host file " + host + " cannot be opened: " + e.getMessage());
        }
        int ino = create("/host/" + name, F_HOST | F_READONLY);
        inodes.set(JAVA_INT, ino * INODE + I_EXTRA, hostFiles.size());
        hostFiles.add(ch);
    }

    /** Closes the host files. */
    public void closeHostFiles() {
        for (FileChannel ch : hostFiles) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // shutting down
            }
        }
    }

    /** Creates a read-only file with {@code content}. */
    public void addReadOnlyFile(String path, String content) {
        int ino = create(path, 0);
        writeAt(ino, 0, MemorySegment.ofArray(content.getBytes(StandardCharsets.UTF_8)));
        inodes.set(JAVA_INT, ino * INODE + I_FLAGS, inodes.get(JAVA_INT, ino * INODE + I_FLAGS) | F_READONLY);
    }

    /** Binds file descriptor {@code fd} to {@code path} (the console's 0, 1, 2 at boot). */
    public void bind(int fd, String path, int flags) {
        int ino = lookup(path);
        fds.set(JAVA_INT, fd * FD + FD_INODE, ino + 1);
        fds.set(JAVA_INT, fd * FD + FD_FLAGS, flags);
        fds.set(JAVA_LONG, fd * FD + FD_OFFSET, 0);
    }

    // ---- system calls ----

    public int open(String path, int flags) {
        int ino = find(path);
        if (ino < 0) {
            if ((flags & Sys.O_CREAT) == 0) {
                throw new SysError(Errno.ENOENT, path);
            }
            ino = create(path, 0);
        }
        int f = flags(ino);
        int mode = flags & 3;
        if (mode == 3) {
            throw new SysError(Errno.EINVAL, "access mode 3 of " + path);
        }
        boolean writes = mode != Sys.O_RDONLY || (flags & (Sys.O_TRUNC | Sys.O_APPEND)) != 0;
        if ((f & F_DIR) != 0 && writes) {
            throw new SysError(Errno.EISDIR, path);
        }
        if ((f & F_READONLY) != 0 && writes) {
            throw new SysError(Errno.EROFS, path + " is read-only");
        }
        // POSIX leaves O_TRUNC with O_RDONLY unspecified; Linux truncates. Here it is refused above
        // for read-only files and honoured only on files opened for writing.
        if ((flags & Sys.O_TRUNC) != 0 && mode != Sys.O_RDONLY && (f & (F_DEVICE | F_HOST)) == 0) {
            inodes.set(JAVA_LONG, ino * INODE + I_SIZE, 0);
        }
        for (int fd = 3; fd < FDS; fd++) {
            if (fds.get(JAVA_INT, fd * FD + FD_INODE) == 0) {
                fds.set(JAVA_INT, fd * FD + FD_INODE, ino + 1);
                fds.set(JAVA_INT, fd * FD + FD_FLAGS, flags);
                fds.set(JAVA_LONG, fd * FD + FD_OFFSET, 0);
                return fd;
            }
        }
        throw new SysError(Errno.EMFILE, "all " + FDS + " file descriptors in use");
    }

    /** Whether file descriptor {@code fd} is open. */
    public boolean isOpen(int fd) {
        return fd >= 0 && fd < FDS && fds.get(JAVA_INT, fd * FD + FD_INODE) != 0;
    }

    public void close(int fd) {
        inodeOf(fd);
        fds.asSlice(fd * FD, FD).fill((byte) 0);
    }

    /** Reads into {@code dst} (already checked to be the caller's memory). */
    public long read(int fd, MemorySegment dst) {
        int ino = inodeOf(fd);
        if ((fds.get(JAVA_INT, fd * FD + FD_FLAGS) & 3) == Sys.O_WRONLY) {
            throw new SysError(Errno.EBADF, "fd " + fd + " is not open for reading");
        }
        long off = fds.get(JAVA_LONG, fd * FD + FD_OFFSET);
        int f = flags(ino);
        long n;
        if ((f & F_DEVICE) != 0) {
            n = device(ino).read(off, dst);
        } else if ((f & F_HOST) != 0) {
            n = readHost(ino, off, dst);
        } else if ((f & F_DIR) != 0) {
            throw new SysError(Errno.EISDIR, "fd " + fd);
        } else {
            long size = inodes.get(JAVA_LONG, ino * INODE + I_SIZE);
            n = Math.max(0, Math.min(dst.byteSize(), size - off));
            if (n > 0) {
                MemorySegment.copy(data(ino), off, dst, 0, n);
            }
        }
        fds.set(JAVA_LONG, fd * FD + FD_OFFSET, off + n);
        return n;
    }

    /** Writes {@code src} (already checked to be the caller's memory). */
    public long write(int fd, MemorySegment src) {
        int ino = inodeOf(fd);
        int mode = fds.get(JAVA_INT, fd * FD + FD_FLAGS);
        if ((mode & 3) == Sys.O_RDONLY) {
            throw new SysError(Errno.EBADF, "fd " + fd + " is not open for writing");
        }
        long off = (mode & Sys.O_APPEND) != 0 ? inodes.get(JAVA_LONG, ino * INODE + I_SIZE)
                : fds.get(JAVA_LONG, fd * FD + FD_OFFSET);
        long n = (flags(ino) & F_DEVICE) != 0 ? device(ino).write(off, src) : writeAt(ino, off, src);
        fds.set(JAVA_LONG, fd * FD + FD_OFFSET, off + n);
        return n;
    }

    public long lseek(int fd, long offset, int whence) {
        int ino = inodeOf(fd);
        long base = switch (whence) {
            case Sys.SEEK_SET -> 0;
            case Sys.SEEK_CUR -> fds.get(JAVA_LONG, fd * FD + FD_OFFSET);
            case Sys.SEEK_END -> size(ino);
            default -> throw new SysError(Errno.EINVAL, "whence " + whence);
        };
        long pos = base + offset;
        if (((base ^ pos) & (offset ^ pos)) < 0) {
            throw new SysError(Errno.EINVAL, "offset " + offset + " from " + base + " overflows");
        }
        // A device defines its own offsets (the faulty driver takes any); files cannot go below 0.
        if (pos < 0 && (flags(ino) & F_DEVICE) == 0) {
            throw new SysError(Errno.EINVAL, "negative offset " + pos);
        }
        fds.set(JAVA_LONG, fd * FD + FD_OFFSET, pos);
        return pos;
    }

    public FileStat stat(String path) {
        int ino = find(path);
        if (ino < 0) {
            throw new SysError(Errno.ENOENT, path);
        }
        int f = flags(ino);
        return new FileStat(ino, size(ino), (f & F_DIR) != 0, (f & F_READONLY) != 0);
    }

    // ---- internals ----

    private long size(int ino) {
        if ((flags(ino) & F_HOST) != 0) {
            try {
                return hostFiles.get(inodes.get(JAVA_INT, ino * INODE + I_EXTRA)).size();
            } catch (IOException e) {
                throw new SysError(Errno.EIO, "host file: " + e.getMessage());
            }
        }
        return inodes.get(JAVA_LONG, ino * INODE + I_SIZE);
    }

    private long writeAt(int ino, long off, MemorySegment src) {
        if (off < 0 || off > MAX_FILE || src.byteSize() > MAX_FILE - off) {
            throw new SysError(Errno.EFBIG, "a write of " + src.byteSize() + " bytes at offset " + off + " would pass the "
                    + MAX_FILE + "-byte file size limit");
        }
        long end = off + src.byteSize();
        long cap = inodes.get(JAVA_LONG, ino * INODE + I_CAPACITY);
        if (end > cap) {
            long newCap = Math.max(end, Math.max(256, cap * 2));
            long old = inodes.get(JAVA_LONG, ino * INODE + I_DATA);
            long fresh = old == 0 ? heap.malloc(newCap)
                    : heap.realloc(old, newCap, (from, to, n) -> MemorySegment.copy(at(from, n), 0, at(to, n), 0, n));
            inodes.set(JAVA_LONG, ino * INODE + I_DATA, fresh);
            inodes.set(JAVA_LONG, ino * INODE + I_CAPACITY, heap.sizeOf(fresh));
        }
        long size = inodes.get(JAVA_LONG, ino * INODE + I_SIZE);
        MemorySegment data = data(ino);
        if (off > size) {
            data.asSlice(size, off - size).fill((byte) 0); // a hole reads as zeros
        }
        MemorySegment.copy(src, 0, data, off, src.byteSize());
        inodes.set(JAVA_LONG, ino * INODE + I_SIZE, Math.max(size, end));
        return src.byteSize();
    }

    private MemorySegment data(int ino) {
        long addr = inodes.get(JAVA_LONG, ino * INODE + I_DATA);
        return at(addr, inodes.get(JAVA_LONG, ino * INODE + I_CAPACITY));
    }

    /** Kernel memory at {@code address}: a slice of the safe-kernel region, so bounds stay checked. */
    private MemorySegment at(long address, long bytes) {
        return kernelMemory.asSlice(address - kernelMemory.address(), bytes);
    }

    /** Reads straight into {@code dst} (user memory, which the safe kernel may write), at most 1 MiB a call. */
    private long readHost(int ino, long off, MemorySegment dst) {
        FileChannel ch = hostFiles.get(inodes.get(JAVA_INT, ino * INODE + I_EXTRA));
        try {
            int n = ch.read(dst.asSlice(0, Math.min(dst.byteSize(), 1 << 20)).asByteBuffer(), off);
            return Math.max(n, 0);
        } catch (IOException e) {
            throw new SysError(Errno.EIO, "host file: " + e.getMessage());
        }
    }

    private Device device(int ino) {
        return devices.get(inodes.get(JAVA_INT, ino * INODE + I_EXTRA));
    }

    private int flags(int ino) {
        return inodes.get(JAVA_INT, ino * INODE + I_FLAGS);
    }

    private int inodeOf(int fd) {
        if (fd < 0 || fd >= FDS || fds.get(JAVA_INT, fd * FD + FD_INODE) == 0) {
            throw new SysError(Errno.EBADF, "fd " + fd + " is not open");
        }
        return fds.get(JAVA_INT, fd * FD + FD_INODE) - 1;
    }

    private void mkdir(String path) {
        create(path, F_DIR);
    }

    private int create(String path, int flags) {
        byte[] name = checkPath(path);
        if (find(path) >= 0) {
            throw new SysError(Errno.EEXIST, path);
        }
        if (!path.equals("/")) {
            String parent = path.substring(0, Math.max(1, path.lastIndexOf('/')));
            int p = find(parent);
            if (p < 0 || (flags(p) & F_DIR) == 0) {
                throw new SysError(Errno.ENOENT, "no directory " + parent);
            }
        }
        for (int ino = 0; ino < INODES; ino++) {
            if ((flags(ino) & F_USED) == 0) {
                inodes.asSlice(ino * INODE, INODE).fill((byte) 0);
                inodes.set(JAVA_INT, ino * INODE + I_FLAGS, flags | F_USED);
                dirents.set(JAVA_INT, ino * DIRENT + D_INODE, ino + 1);
                dirents.set(JAVA_SHORT, ino * DIRENT + D_LEN, (short) name.length);
                MemorySegment.copy(MemorySegment.ofArray(name), 0, dirents, ino * DIRENT + D_NAME, name.length);
                return ino;
            }
        }
        throw new SysError(Errno.ENOSPC, "inode table full");
    }

    private int lookup(String path) {
        int ino = find(path);
        if (ino < 0) {
            throw new SysError(Errno.ENOENT, path);
        }
        return ino;
    }

    private int find(String path) {
        byte[] name = checkPath(path);
        for (int d = 0; d < INODES; d++) {
            if (dirents.get(JAVA_INT, d * DIRENT + D_INODE) != 0 && dirents.get(JAVA_SHORT, d * DIRENT + D_LEN) == name.length
                    && MemorySegment.mismatch(dirents, d * DIRENT + D_NAME, d * DIRENT + D_NAME + name.length,
                    MemorySegment.ofArray(name), 0, name.length) < 0) {
                return dirents.get(JAVA_INT, d * DIRENT + D_INODE) - 1;
            }
        }
        return -1;
    }

    private static byte[] checkPath(String path) {
        if (path == null || !path.startsWith("/") || (path.length() > 1 && path.endsWith("/")) || path.contains("//")) {
            throw new SysError(Errno.EINVAL, "not an absolute path: " + path);
        }
        byte[] b = path.getBytes(StandardCharsets.UTF_8);
        if (b.length > NAME_MAX) {
            throw new SysError(Errno.ENAMETOOLONG, path);
        }
        return b;
    }

    /** Address of the directory table (safe-kernel memory), for {@code /proc/layout}. */
    public long directoryAddress() {
        return dirents.address();
    }

    /** Bytes of the directory table. */
    public long directoryBytes() {
        return dirents.byteSize();
    }

    /**
     * Marks the end of boot: the files, directories and descriptors that exist now are the
     * kernel's own, and {@link #bootState} covers them.
     */
    public void sealBoot() {
        for (int ino = 0; ino < INODES; ino++) {
            if ((flags(ino) & F_USED) != 0) {
                bootInodes = ino + 1;
            }
        }
    }

    /**
     * The safe-kernel memory no run may change, by name: the inode and directory rows of every
     * file that existed at boot and the data of read-only files. (Descriptors are not in it: a
     * program may close or move its own.)
     */
    public java.util.Map<String, MemorySegment> bootState() {
        if (bootInodes < 0) {
            throw new IllegalStateException("sealBoot() first");
        }
        java.util.Map<String, MemorySegment> state = new java.util.LinkedHashMap<>();
        state.put("inode table (boot files)", inodes.asSlice(0, INODE * bootInodes));
        state.put("directory entries (boot files)", dirents.asSlice(0, DIRENT * bootInodes));
        for (int ino = 0; ino < bootInodes; ino++) {
            long addr = inodes.get(JAVA_LONG, ino * INODE + I_DATA);
            if ((flags(ino) & F_USED) != 0 && (flags(ino) & F_READONLY) != 0 && addr != 0) {
                state.put("data of " + name(ino), at(addr, inodes.get(JAVA_LONG, ino * INODE + I_SIZE)));
            }
        }
        return state;
    }

    /**
     * Checks the tables' structure: every directory entry names a used inode with a valid,
     * unique absolute path, every open descriptor a used inode. Returns the first violation,
     * or {@code null}.
     */
    public String checkInvariants() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int d = 0; d < INODES; d++) {
            int ref = dirents.get(JAVA_INT, d * DIRENT + D_INODE);
            if (ref == 0) {
                continue;
            }
            if (ref - 1 != d || (flags(d) & F_USED) == 0) {
                return "directory entry " + d + " names inode " + (ref - 1) + ", which is not in use";
            }
            int len = dirents.get(JAVA_SHORT, d * DIRENT + D_LEN);
            if (len <= 0 || len > NAME_MAX) {
                return "directory entry " + d + " has a name of " + len + " bytes";
            }
            String name = name(d);
            if (!name.startsWith("/") || !names.add(name)) {
                return "directory entry " + d + " has a bad or duplicate name";
            }
        }
        for (int fd = 0; fd < FDS; fd++) {
            int ref = fds.get(JAVA_INT, fd * FD + FD_INODE);
            if (ref != 0 && (ref < 1 || ref > INODES || (flags(ref - 1) & F_USED) == 0)) {
                return "descriptor " + fd + " refers to inode " + (ref - 1) + ", which is not in use";
            }
        }
        return null;
    }

    /** The path of inode {@code ino}. */
    private String name(int ino) {
        int len = dirents.get(JAVA_SHORT, ino * DIRENT + D_LEN);
        return new String(dirents.asSlice(ino * DIRENT + D_NAME, Math.max(0, Math.min(len, NAME_MAX)))
                .toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }
}
