//! `claimgraph bench link` run as the built binary, and the counting allocator installed
//! in a test binary of its own. No figure is compared with a time: speed is what the
//! benchmark shows, not what a test asserts.

use claimgraph::bench::memory::{self, CountingAllocator};
use std::process::Command;

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

#[test]
fn the_counting_allocator_tracks_bytes_in_use_and_their_peak() {
    assert!(memory::is_counting());
    let base = memory::reset_peak();
    let big = std::hint::black_box(vec![1u8; 4 << 20]);
    assert!(memory::current() >= base + (4 << 20));
    drop(big);
    let mut v: Vec<u8> = Vec::with_capacity(16);
    v.resize(1 << 20, 2); // grows by reallocation
    std::hint::black_box(&v);
    drop(v);
    // other tests of this binary may allocate meanwhile, so only bounds are certain
    let peak = memory::peak() - base;
    assert!(peak >= 4 << 20, "peak {peak}");
    assert!(memory::current() < base + (1 << 20));
}

#[test]
fn bench_link_prints_the_table() {
    let out = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args([
            "bench", "link", "--sizes", "300,3000", "--repeat", "2", "--seed", "5",
        ])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    for needed in [
        "candidate generation (link::candidates)",
        "whole linking stage (link::link)",
        "claims/s",
        "peak MB",
        "time ×/10×",
    ] {
        assert!(text.contains(needed), "{needed} missing:\n{text}");
    }
    // the binary counts memory, so every size has a peak
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("3000 ") || l.trim_start().starts_with("300 "))
        .collect();
    assert_eq!(rows.len(), 6, "{text}");
    assert!(!text.contains("not measured"), "{text}");
    let bad = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["bench", "link", "--sizes", "0"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
