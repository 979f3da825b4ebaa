package mpkernel.kernel.core;

import java.lang.foreign.MemorySegment;

import mpkernel.isolation.DomainMemory;
import mpkernel.kernel.fs.Device;
import mpkernel.kernel.mm.HeapAllocator;

/**
 * The {@code /dev/} files over the unsafe-call door: each forwards a file operation, in the
 * safe kernel, to one method of {@link UnsafeCalls}.
 */
public final class DeviceFiles {

    private DeviceFiles() {
    }

    /** {@code /dev/console}: output through the virtio console driver, staged straight into its DMA buffer. */
    public static Device console(UnsafeCalls unsafe) {
        return new Console(unsafe);
    }

    /** {@code /dev/null}. */
    public static Device nul() {
        return new Null();
    }

    /**
     * {@code /dev/faulty}: the driver with the planted bug; the file offset indexes its buffer
     * unchecked. Data the driver must read from memory that is not native (the kernel's heap
     * copy of a string) is first copied into a block of the unsafe-kernel heap
     * ({@code unsafeHeap}, over {@code unsafeMemory}).
     */
    public static Device faulty(UnsafeCalls unsafe, HeapAllocator unsafeHeap, DomainMemory unsafeMemory) {
        return new Faulty(unsafe, unsafeHeap, unsafeMemory);
    }

    private record Console(UnsafeCalls unsafe) implements Device {
        @Override
        public long read(long offset, MemorySegment dst) {
            return 0;
        }

        @Override
        public long write(long offset, MemorySegment src) {
            return unsafe.consoleWrite(src);
        }
    }

    private record Null() implements Device {
        @Override
        public long read(long offset, MemorySegment dst) {
            return 0;
        }

        @Override
        public long write(long offset, MemorySegment src) {
            return src.byteSize();
        }
    }

    private record Faulty(UnsafeCalls unsafe, HeapAllocator unsafeHeap, DomainMemory unsafeMemory) implements Device {
        @Override
        public long read(long offset, MemorySegment dst) {
            return unsafe.faultyRead(offset, dst);
        }

        @Override
        public long write(long offset, MemorySegment src) {
            if (src.isNative() || src.byteSize() == 0) {
                return unsafe.faultyWrite(offset, src);
            }
            long addr = unsafeHeap.malloc(src.byteSize());
            try {
                MemorySegment staged = unsafeMemory.segment().asSlice(addr - unsafeMemory.address(), src.byteSize());
                MemorySegment.copy(src, 0, staged, 0, src.byteSize());
                return unsafe.faultyWrite(offset, staged);
            } finally {
                unsafeHeap.free(addr);
            }
        }
    }
}
