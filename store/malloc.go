package store

// SQLite's memory comes from the C library's malloc. glibc gives memory
// back to the system whenever more than 128 KB lies free at the top of a
// thread's arena: under a stream of commits that was a madvise on every
// other submission, each with a TLB shootdown of the other core, and the
// page faults that took the memory back (1.5–3 % of the kiosk's CPU under
// wrk). Keeping up to 64 MB free lets the committer reuse its memory.

// #include <malloc.h>
// static void keep_freed_memory(void) {
// #ifdef M_TRIM_THRESHOLD
// 	mallopt(M_TRIM_THRESHOLD, 64 << 20);
// #endif
// }
import "C"

func init() { C.keep_freed_memory() }
