// The process's allocator is jemalloc (Debian's libjemalloc2), linked here before the C library so that it serves
// every malloc of the process, the Swift runtime's included: a night allocates and frees millions of small objects
// on several threads, where glibc's allocator spent 6% of the CPU (README, "Performance"), and its peak memory at a
// million numbers was higher.
import CJemalloc
