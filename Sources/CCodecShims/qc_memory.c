// qc_memory.c: a hint to the kernel for frame-sized buffers.
#include "qc_codec.h"
#include <stdint.h>
#include <sys/mman.h>

void qc_advise_huge_pages(void *start, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // Only the 2 MB-aligned extents inside the buffer: madvise needs page-aligned ranges, and
    // transparent huge pages only ever back aligned 2 MB extents.
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t first = ((uintptr_t)start + huge - 1) & ~(huge - 1);
    uintptr_t last = ((uintptr_t)start + bytes) & ~(huge - 1);
    if (last > first) (void)madvise((void *)first, last - first, MADV_HUGEPAGE);
#else
    (void)start; (void)bytes;
#endif
}
