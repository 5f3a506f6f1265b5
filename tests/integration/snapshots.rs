//! Snapshot tests of every report format, for every story in `corpus/` (the default story
//! and the invented Velna story: contradiction, quote drift, circular reporting): a story
//! added there gets its snapshots by being added. The snapshots, `STORY.FORMAT.snap`, live
//! in the top-level `snapshots/` folder; review them with `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test --test integration snapshots` and `git diff`).

use claimgraph::corpus::{load_story, LoadOptions, DEFAULT_STORY_ID};
use claimgraph::report::{claimreview, csv, dot, html, markdown, svg};
use claimgraph::Report;
use std::path::Path;

fn publisher() -> claimreview::Publisher {
    claimreview::Publisher {
        name: "Example Fact Desk".into(),
        url: Some("https://factdesk.example/".into()),
        date: "2026-11-23".into(),
        review_url: None,
    }
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({
            snapshot_path => "../../snapshots",
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
        claimreview::render(r, &publisher(), &claimreview::Selection::default()).unwrap()
    );
}

/// The story folders of `corpus/`, by name.
fn stories() -> Vec<(String, std::path::PathBuf)> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut found: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("story.ron").is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    found.sort();
    found
}

#[test]
fn every_format_of_every_story() {
    let stories = stories();
    assert!(
        stories.iter().any(|(name, _)| name == DEFAULT_STORY_ID),
        "{stories:?}"
    );
    assert!(stories.len() >= 2, "{stories:?}");
    for (name, dir) in &stories {
        let report = if name == DEFAULT_STORY_ID {
            // the binary's copy, already analysed for the other tests
            crate::common::default_report()
        } else {
            let story = load_story(dir, &LoadOptions { strict: true }).unwrap();
            claimgraph::analyze(&story, &Default::default())
        };
        every_format(name, &report);
    }
}
