//! Heap memory accounting for the benchmarks: a global allocator that counts the bytes
//! in use and their high-water mark.
//!
//! A binary opts in by installing [`CountingAllocator`] (the claimgraph binary does):
//!
//! ```ignore
//! #[global_allocator]
//! static ALLOCATOR: claimgraph::bench::memory::CountingAllocator =
//!     claimgraph::bench::memory::CountingAllocator;
//! ```
//!
//! A benchmark then calls [`reset_peak`] before a run and reads [`peak`] after it: the
//! difference is the most heap memory the run held at once beyond what was already in use
//! (its working memory and its output, not its input). Counting the allocator's requests
//! rather than reading the process's resident size keeps the input (a million generated
//! claims take more memory than linking them) out of the figure, lets one process measure
//! run after run (the resident high-water mark never goes down), and gives the same figure
//! on every run, whatever the allocator keeps cached. It leaves out the allocator's own
//! overhead and fragmentation. The cost is an atomic addition and an atomic load per allocation.
//!
//! Without the allocator installed (a library user, the tests) nothing is counted and
//! [`is_counting`] is false.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting the bytes in use and their peak.
#[derive(Clone, Copy, Debug, Default)]
pub struct CountingAllocator;

fn grew(bytes: usize) {
    let now = CURRENT.fetch_add(bytes, Relaxed) + bytes;
    // a plain load first: most allocations do not make a new peak
    if now > PEAK.load(Relaxed) {
        PEAK.fetch_max(now, Relaxed);
    }
}

fn shrank(bytes: usize) {
    CURRENT.fetch_sub(bytes, Relaxed);
}

// SAFETY: every call is passed on to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees for `layout` hold for `System` too.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`, through this allocator.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`; `new_size` is the caller's to check.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        p
    }
}

/// Heap bytes in use now (0 without the allocator).
pub fn current() -> usize {
    CURRENT.load(Relaxed)
}

/// The most heap bytes in use at once since the start or the last [`reset_peak`].
pub fn peak() -> usize {
    PEAK.load(Relaxed)
}

/// Starts a new high-water mark at the bytes in use now, and returns them.
pub fn reset_peak() -> usize {
    let now = CURRENT.load(Relaxed);
    PEAK.store(now, Relaxed);
    now
}

/// Whether [`CountingAllocator`] is the global allocator: by the time anyone asks, a
/// program has allocated something.
pub fn is_counting() -> bool {
    let probe = std::hint::black_box(vec![0u8; 64]);
    let counted = current() > 0 || peak() > 0;
    drop(probe);
    counted
}

/// The resident memory high-water mark of this process (`VmHWM` in `/proc/self/status`),
/// in bytes, where the system reports it.
pub fn process_peak_resident() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    vm_hwm(&status)
}

/// The `VmHWM` line of a `/proc/self/status` text, in bytes.
pub fn vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let mut parts = line["VmHWM:".len()..].split_whitespace();
    let n: u64 = parts.next()?.parse().ok()?;
    match parts.next() {
        Some("kB") => Some(n * 1024),
        None => Some(n),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_resident_high_water_mark() {
        let status = "Name:\tclaimgraph\nVmPeak:\t  100 kB\nVmHWM:\t    2048 kB\nVmRSS:\t 1 kB\n";
        assert_eq!(vm_hwm(status), Some(2048 * 1024));
        assert_eq!(vm_hwm("Name:\tx\n"), None);
    }

    #[test]
    fn counts_nothing_when_not_installed() {
        // the test harness runs on the system allocator
        assert!(!is_counting());
        assert_eq!(reset_peak(), 0);
    }
}
