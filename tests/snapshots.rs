//! Snapshot tests of the reports of the default story, reviewed with `cargo insta review`.
//! The snapshots live in the top-level `snapshots/` folder.

use claimgraph::corpus::{default_story, LoadOptions};

fn report() -> claimgraph::Report {
    let story = default_story(&LoadOptions::default()).unwrap();
    claimgraph::analyze(&story, &Default::default())
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

#[test]
fn markdown_report_of_the_default_story() {
    snapshot!(
        "moscow-2024.md",
        claimgraph::report::markdown::render(&report())
    );
}

#[test]
fn json_report_of_the_default_story() {
    let json = report().to_json();
    let back: claimgraph::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report());
    snapshot!("moscow-2024.json", json);
}
