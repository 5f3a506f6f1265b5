//! Snapshot review of research: `accept` stores a story's analysis, `review` says what changed
//! since, exiting 1 while there are changes, 0, silently, when there are none, and 2 on trouble.

use std::path::Path;
use std::process::{Command, Output};

fn claimgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .output()
        .unwrap()
}

/// A copy of the invented Velna story in a temporary folder.
fn velna_copy() -> tempfile::TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/velna-spill");
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("articles")).unwrap();
    for f in ["story.ron", "sources.ron"] {
        std::fs::copy(src.join(f), tmp.path().join(f)).unwrap();
    }
    for e in std::fs::read_dir(src.join("articles")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), tmp.path().join("articles").join(e.file_name())).unwrap();
    }
    tmp
}

const WIRE: &str = "+++
title = \"Inspectors find oil on two more Lindholm beaches\"
outlet = \"Nordpress\"
published = \"2026-03-13\"
+++

Inspectors from the Baltra Marine Institute said on Thursday that fuel had reached the beaches of Lindholm.
";

#[test]
fn review_shows_exactly_what_an_added_article_changed() {
    let story = velna_copy();
    let s = story.path().to_str().unwrap();
    // nothing accepted yet: an error that says what to do, exit 2 (1 is for changes)
    let out = claimgraph(&["review", s]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("claimgraph accept"));

    let out = claimgraph(&["accept", s]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(story.path().join("accepted.report.json").is_file());
    // nothing changed: exit 0 and not a word
    let out = claimgraph(&["review", s]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");

    std::fs::write(story.path().join("articles/04_wire.md"), WIRE).unwrap();
    let out = claimgraph(&["review", s]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("articles added (1):\n  + 04_wire\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "sources new to the story (1):\n  + Inspectors from the Baltra Marine Institute\n"
        ),
        "{text}"
    );
    assert!(text.contains("claims added (1):\n  + 04_wire#"), "{text}");
    assert!(
        text.contains("“fuel had reached the beaches of Lindholm”"),
        "{text}"
    );
    // the new claim takes sides: it agrees with Coastwatch and contradicts the ministry
    assert!(text.contains("relations added"), "{text}");
    let added: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  + ") && l.contains(" 04_wire#"))
        .collect();
    assert!(added.iter().any(|l| l.contains(" agrees ")), "{text}");
    assert!(added.iter().any(|l| l.contains(" contradicts ")), "{text}");
    // the ministry's denial now faces two independent origins instead of one
    assert!(text.contains("credibility and confidence moved"), "{text}");
    assert!(
        text.contains("any fuel had reached the beaches of Lindholm"),
        "{text}"
    );
    // and nothing else: no claim, relation or source of the old articles is touched
    assert!(!text.contains("removed"), "{text}");
    assert!(!text.contains("claims changed"), "{text}");

    // once accepted, the review is silent again
    assert!(claimgraph(&["accept", s]).status.success());
    let out = claimgraph(&["review", s]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_damaged_snapshot_is_an_error_naming_the_file_and_place() {
    let story = velna_copy();
    let s = story.path().to_str().unwrap();
    std::fs::write(
        story.path().join("accepted.report.json"),
        "{\n  \"schema\": 3,\n",
    )
    .unwrap();
    // trouble, not changes: exit 2
    let out = claimgraph(&["review", s]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("accepted.report.json:2:"), "{err}");
}

#[test]
fn an_edited_claim_shows_as_changed_with_its_words() {
    let story = velna_copy();
    let s = story.path().to_str().unwrap();
    let out = claimgraph(&["accept", s]);
    assert!(out.status.success());
    let file = story.path().join("articles/01_gazette.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replace(
        "that 40 tonnes of fuel oil escaped",
        "that 45 tonnes of heavy fuel oil escaped",
    );
    assert_ne!(text, edited);
    std::fs::write(&file, edited).unwrap();
    let out = claimgraph(&["review", s]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("claims changed (1):"), "{shown}");
    assert!(shown.contains("edited (was "), "{shown}");
    assert!(
        shown.contains("[-40-] {+45+} tonnes of {+heavy+} fuel oil"),
        "{shown}"
    );
    assert!(!shown.contains("claims added"), "{shown}");
    assert!(!shown.contains("claims removed"), "{shown}");
}
