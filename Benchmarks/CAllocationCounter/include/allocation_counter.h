#ifndef ALLOCATION_COUNTER_H
#define ALLOCATION_COUNTER_H
/// Allocations (malloc, calloc, realloc, aligned allocations) made by the process so far.
unsigned long long allocation_count(void);
#endif
