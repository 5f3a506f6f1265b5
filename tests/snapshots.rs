//! Snapshot tests of every report format, for every story in `corpus/`: the embedded default
//! story and the invented Velna story (contradiction, quote drift, circular reporting).
//! The snapshots live in the top-level `snapshots/` folder; review them with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test --test snapshots` and `git diff`).

use claimgraph::corpus::{default_story, load_story, LoadOptions};
use claimgraph::report::{claimreview, csv, dot, html, markdown, svg};
use claimgraph::Report;
use std::path::Path;

fn default_report() -> Report {
    let story = default_story(&LoadOptions::default()).unwrap();
    claimgraph::analyze(&story, &Default::default())
}

fn velna_report() -> Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/velna-spill");
    let story = load_story(&dir, &LoadOptions { strict: true }).unwrap();
    claimgraph::analyze(&story, &Default::default())
}

fn publisher() -> claimreview::Publisher {
    claimreview::Publisher {
        name: "Example Fact Desk".into(),
        url: Some("https://factdesk.example/".into()),
        date: "2026-11-23".into(),
    }
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

fn every_format(story: &str, r: &Report) {
    snapshot!(format!("{story}.md"), markdown::render(r));
    snapshot!(format!("{story}.json"), r.to_json());
    snapshot!(format!("{story}.ron"), r.to_ron());
    snapshot!(format!("{story}.csv"), csv::render(r));
    snapshot!(format!("{story}.dot"), dot::render(r));
    snapshot!(format!("{story}.svg"), svg::render(r));
    snapshot!(format!("{story}.html"), html::page(r));
    snapshot!(
        format!("{story}.claimreview"),
        claimreview::render(r, &publisher())
    );
}

#[test]
fn every_format_of_the_default_story() {
    every_format("moscow-2024", &default_report());
}

#[test]
fn every_format_of_the_invented_story() {
    every_format("velna-spill", &velna_report());
}
