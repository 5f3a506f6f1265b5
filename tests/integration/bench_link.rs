//! `claimgraph bench link` run as the built binary (a lab command). No figure is compared
//! with a time: speed is what the benchmark shows, not what a test asserts.

use std::process::Command;

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
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("3000 ") || l.trim_start().starts_with("300 "))
        .collect();
    assert_eq!(rows.len(), 6, "{text}");
    // where Linux reports resident memory, every size has a peak
    if std::fs::metadata("/proc/self/clear_refs").is_ok() {
        assert!(!text.contains("not measured"), "{text}");
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["bench", "link", "--sizes", "0"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    // sizes past what can be generated are a usage error, not a capacity overflow
    for huge in [
        "18446744073709551615",
        "99999999999999999999999",
        "10000001",
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
            .args(["bench", "link", "--sizes", huge])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{huge}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(err.contains("at most 10000000"), "{err}");
    }
}
