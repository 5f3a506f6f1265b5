//! Large pages for the weight tables.
//!
//! Scoring reads the tables at random, a few hundred places a word, and with the usual
//! 4 KiB pages nearly every read also misses the address-translation cache, whose misses
//! the processor resolves only two at a time. On Linux the tables are therefore
//! allocated before they are written and marked for transparent huge pages (2 MiB):
//! about a fifth more words a second in `bench parse`. Elsewhere, or where the kernel
//! declines, nothing changes but the speed.

/// A vector of `n` default values whose memory is marked for huge pages before it is
/// first written.
pub fn vec<T: Clone + Default>(n: usize) -> Vec<T> {
    let mut v: Vec<T> = Vec::with_capacity(n);
    advise(&mut v);
    v.resize(n, T::default());
    v
}

/// An empty vector with room for `n` values, marked for huge pages.
pub fn with_capacity<T>(n: usize) -> Vec<T> {
    let mut v = Vec::with_capacity(n);
    advise(&mut v);
    v
}

#[cfg(target_os = "linux")]
fn advise<T>(v: &mut Vec<T>) {
    const HUGE: usize = 1 << 21;
    let bytes = v.capacity() * std::mem::size_of::<T>();
    let p = v.as_mut_ptr() as usize;
    let start = p.next_multiple_of(HUGE);
    let end = (p + bytes) & !(HUGE - 1);
    if end > start {
        // SAFETY: the range lies inside the vector's own allocation, and MADV_HUGEPAGE
        // changes how the kernel backs those pages, not their contents or validity; a
        // failure (an old kernel, huge pages off) is harmless and ignored.
        let _ = unsafe {
            rustix::mm::madvise(
                start as *mut std::ffi::c_void,
                end - start,
                rustix::mm::Advice::LinuxHugepage,
            )
        };
    }
}

#[cfg(not(target_os = "linux"))]
fn advise<T>(_: &mut Vec<T>) {}

#[cfg(test)]
mod tests {
    #[test]
    fn vectors_have_their_size_and_values() {
        let v: Vec<u64> = super::vec(1 << 20);
        assert_eq!(v.len(), 1 << 20);
        assert!(v.iter().all(|&x| x == 0));
        let w: Vec<i16> = super::with_capacity(5000);
        assert!(w.capacity() >= 5000 && w.is_empty());
    }
}
