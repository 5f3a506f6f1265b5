//! Articles are analysed in parallel: the report and the extraction are the same on one
//! thread as on several.

use claimgraph::corpus::{default_story, LoadOptions};
use claimgraph::{analyze, extract, Options};
use std::path::Path;

fn on_threads<T: Send>(n: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .expect("a thread pool")
        .install(f)
}

#[test]
fn one_thread_and_four_give_the_same_report_and_extraction() {
    let story = default_story(&LoadOptions::default()).unwrap();
    let report = |n| on_threads(n, || analyze(&story, &Options::default()).to_json());
    let one = report(1);
    assert!(one.contains("\"claims\""));
    assert_eq!(one, report(4));
    let extraction = |n| {
        on_threads(n, || {
            extract::render_json(&extract::extract_story(&story, Path::new("story")))
        })
    };
    let one = extraction(1);
    assert!(one.contains("attributions"));
    assert_eq!(one, extraction(4));
}
