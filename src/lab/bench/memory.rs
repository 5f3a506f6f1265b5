//! Memory of a benchmark run, from the process's resident memory as Linux reports it.
//!
//! [`reset_peak`] is called before a run and [`peak_since`] after it: the difference is the
//! most resident memory the process held during the run beyond what it held before (the
//! run's working memory and its output, not its input), in bytes. Before the run, memory the
//! allocator holds free is given back to the system (glibc's `malloc_trim`), so that what
//! earlier runs freed does not serve this one unseen; then the kernel's high-water mark is
//! reset to the current resident size (writing `5` to `/proc/self/clear_refs`) and the
//! resident size is read (`VmRSS` in `/proc/self/status`). After the run, `VmHWM` is the
//! run's peak. Resident memory counts the pages the run touched, with the allocator's
//! overhead and fragmentation; no allocator is replaced, so the product's binary runs as it
//! always does. Where `/proc` is missing or the reset fails, nothing is measured.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// The highest `VmHWM` read before a reset, so that the process's peak survives resets.
static PEAK_BEFORE_RESETS: AtomicU64 = AtomicU64::new(0);

/// Resident memory before a run: what [`peak_since`] measures from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Baseline {
    resident: u64,
}

/// Gives memory the allocator holds free back to the system, where the allocator can.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> std::os::raw::c_int;
        }
        // SAFETY: malloc_trim takes no pointer and only returns free pages to the system.
        unsafe {
            malloc_trim(0);
        }
    }
}

fn status() -> Option<String> {
    std::fs::read_to_string("/proc/self/status").ok()
}

/// The value of a `NAME:` line of a `/proc/self/status` text, in bytes.
pub fn status_bytes(status: &str, name: &str) -> Option<u64> {
    let line = status
        .lines()
        .find(|l| l.strip_prefix(name).is_some_and(|r| r.starts_with(':')))?;
    let mut parts = line[name.len() + 1..].split_whitespace();
    let n: u64 = parts.next()?.parse().ok()?;
    match parts.next() {
        Some("kB") => Some(n * 1024),
        None => Some(n),
        Some(_) => None,
    }
}

/// The resident size now (`VmRSS`), in bytes, after giving free memory back to the system.
pub fn resident() -> Option<u64> {
    release_free_memory();
    status_bytes(&status()?, "VmRSS")
}

/// Starts a new high-water mark at the resident size now; `None` when it cannot be
/// measured here.
pub fn reset_peak() -> Option<Baseline> {
    if let Some(hwm) = status().and_then(|s| status_bytes(&s, "VmHWM")) {
        PEAK_BEFORE_RESETS.fetch_max(hwm, Relaxed);
    }
    release_free_memory();
    std::fs::write("/proc/self/clear_refs", "5").ok()?;
    let resident = status_bytes(&status()?, "VmRSS")?;
    Some(Baseline { resident })
}

/// The most resident memory held since [`reset_peak`] beyond its baseline, in bytes.
pub fn peak_since(base: Baseline) -> Option<u64> {
    let hwm = status_bytes(&status()?, "VmHWM")?;
    Some(hwm.saturating_sub(base.resident))
}

/// The process's resident memory high-water mark since it started, in bytes, where the
/// system reports it.
pub fn process_peak_resident() -> Option<u64> {
    let now = status_bytes(&status()?, "VmHWM")?;
    Some(now.max(PEAK_BEFORE_RESETS.load(Relaxed)))
}

/// Serialises the tests that reset the high-water mark: a reset in one would cut the peak
/// another is measuring.
#[cfg(test)]
pub(crate) static TEST_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_status_lines_in_bytes() {
        let status = "Name:\tclaimgraph\nVmPeak:\t  100 kB\nVmHWM:\t    2048 kB\nVmRSS:\t 1 kB\n";
        assert_eq!(status_bytes(status, "VmHWM"), Some(2048 * 1024));
        assert_eq!(status_bytes(status, "VmRSS"), Some(1024));
        assert_eq!(status_bytes(status, "VmHW"), None);
        assert_eq!(status_bytes("Name:\tx\n", "VmHWM"), None);
    }

    #[test]
    fn a_run_that_touches_memory_has_a_peak() {
        if std::fs::metadata("/proc/self/clear_refs").is_err() {
            println!("skipping: no /proc/self/clear_refs");
            return;
        }
        let _one_at_a_time = TEST_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let base = reset_peak().expect("the high-water mark resets");
        let mut big = vec![0u8; 64 << 20];
        // touch every page, so that it is resident
        for b in big.iter_mut().step_by(4096) {
            *b = 1;
        }
        std::hint::black_box(&big);
        let peak = peak_since(base).unwrap();
        drop(big);
        // other tests of this binary may allocate meanwhile: bounds only
        assert!(peak >= 48 << 20, "peak {peak}");
        assert!(process_peak_resident().unwrap() >= peak);
    }
}
