//! Accepted snapshots: bytes that read as a report render in every format, and review of
//! the snapshot against itself and against a small report of the default story's does not panic.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimgraph::review::{compare, parse_snapshot, render};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(report) = parse_snapshot(Path::new("accepted.report.json"), data.to_vec()) else {
        return;
    };
    common::check_report(&report);
    assert!(
        compare(&report, &report).is_empty(),
        "a snapshot differs from itself"
    );
    let changes = compare(&report, common::small_report());
    let _ = render(&changes);
});
