//! The integration tests, one binary with a module per subject (so that the library, with
//! its embedded models, is linked once, and the default story analysed once:
//! [`common::default_analysis`]). The lab's tests (evaluation cross-checks, training, the
//! benchmarks' commands) are compiled with the `lab` feature: `cargo test --all-features`.
//! Tests that need `../shared`, `python3` or Chromium say so and pass without them.

mod common;

mod architecture;
mod attribution_cases;
mod bad_input;
mod check_cli;
mod check_stories;
mod default_story;
mod everyday;
mod extract_cli;
#[cfg(feature = "fetch")]
mod fetch_cli;
mod hostile_loading;
mod hostile_outputs;
mod html_chromium;
mod html_report;
mod html_story;
#[cfg(not(feature = "lab"))]
mod lab_commands;
mod linking;
mod parallel;
mod picture;
mod report_formats;
mod review_cli;
mod snapshots;
mod stages;

#[cfg(feature = "lab")]
mod bench_link;
#[cfg(feature = "lab")]
mod eval_attribution_crosscheck;
#[cfg(feature = "lab")]
mod eval_parser_crosscheck;
#[cfg(feature = "lab")]
mod eval_stance_crosscheck;
#[cfg(feature = "lab")]
mod gold_files;
#[cfg(feature = "lab")]
mod stance_cli;
#[cfg(feature = "lab")]
mod train_attribution;
#[cfg(feature = "lab")]
mod train_parser;
