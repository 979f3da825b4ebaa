package mpkernel.kernel.boot;

import java.lang.foreign.MemorySegment;
import java.util.List;

import mpkernel.isolation.Domain;
import mpkernel.isolation.DomainMemory;
import mpkernel.isolation.Isolation;
import mpkernel.kernel.mm.HeapAllocator;
import mpkernel.kernel.mm.PageAllocator;
import mpkernel.kernel.mm.StaticArea;

/**
 * The plan of a kernel's memory, made at boot inside the gate into {@code SAFE_KERNEL}: a page
 * allocator over each region (its bitmap carved from the kernel's tables; the safe kernel's
 * skips its first {@link Kernel#STATIC_BYTES}, the tables themselves) and the three heaps over
 * them: the kernel heap (safe kernel), the unsafe-kernel heap and the user heap. The drivers'
 * memory is the {@code DRIVER} domain's region when the kernel declares it, else the unsafe
 * kernel's, and then its pages are the unsafe kernel's pages.
 */
record KernelMemory(DomainMemory safe, DomainMemory unsafe, DomainMemory user, DomainMemory driver,
                    PageAllocator safePages, PageAllocator unsafePages, PageAllocator userPages, PageAllocator driverPages,
                    HeapAllocator kernelHeap, HeapAllocator unsafeHeap, HeapAllocator userHeap) {

    /** Plans the memory of {@code iso}'s regions, with tables from {@code tables}. */
    static KernelMemory plan(Isolation iso, StaticArea tables, boolean ownDriver) {
        DomainMemory safe = iso.memory(Domain.SAFE_KERNEL);
        DomainMemory unsafe = iso.memory(Domain.UNSAFE_KERNEL);
        DomainMemory user = iso.memory(Domain.USER);
        DomainMemory driver = ownDriver ? iso.memory(OptionalDomain.DRIVER.domain()) : unsafe;
        PageAllocator safePages = pages(tables, "safe-kernel", safe, Kernel.STATIC_BYTES);
        PageAllocator unsafePages = pages(tables, "unsafe-kernel", unsafe, 0);
        PageAllocator userPages = pages(tables, "user", user, 0);
        HeapAllocator kernelHeap = new HeapAllocator("kernel heap", safePages, tables, 16384);
        HeapAllocator unsafeHeap = new HeapAllocator("unsafe-kernel heap", unsafePages, tables, 16384);
        HeapAllocator userHeap = new HeapAllocator("user heap", userPages, tables, 65536);
        PageAllocator driverPages = ownDriver ? pages(tables, "driver", driver, 0) : unsafePages;
        return new KernelMemory(safe, unsafe, user, driver, safePages, unsafePages, userPages, driverPages,
                kernelHeap, unsafeHeap, userHeap);
    }

    /** Whether the drivers have a region of their own ({@code DRIVER}). */
    boolean ownDriver() {
        return driver != unsafe;
    }

    /** {@code pages} fresh pages of driver memory, as a segment. */
    MemorySegment driverSlice(long pages) {
        long address = driverPages.allocate(pages);
        return driver.segment().asSlice(address - driver.address(), pages * PageAllocator.PAGE);
    }

    /** The three heaps, for the integrity check's audits. */
    List<HeapAllocator> heaps() {
        return List.of(kernelHeap, unsafeHeap, userHeap);
    }

    /** A page allocator over {@code m} minus its first {@code skip} bytes, its bitmap in the kernel's tables. */
    private static PageAllocator pages(StaticArea tables, String name, DomainMemory m, long skip) {
        long pages = (m.byteSize() - skip) / PageAllocator.PAGE;
        return new PageAllocator(name, tables.carve(PageAllocator.bitmapBytes(pages)), m.address() + skip, pages);
    }
}
