//! The default story end to end: the embedded copy matches `corpus/`, and the report names
//! the FSB, the State Department, the Kremlin and RT as sources of claims with evidence.

use claimgraph::corpus::{default_story, load_story, LoadOptions};
use std::path::Path;

#[test]
fn embedded_story_matches_the_folder() {
    let embedded = default_story(&LoadOptions { strict: true }).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/moscow-2024");
    let folder = load_story(&dir, &LoadOptions { strict: true }).unwrap();
    assert_eq!(embedded.articles, folder.articles);
    assert_eq!(embedded.meta, folder.meta);
    assert_eq!(embedded.registry.sources(), folder.registry.sources());
    assert!(embedded.diagnostics.is_empty());
}

#[test]
fn seeds_are_unchanged_and_metadata_unknown() {
    let story = default_story(&LoadOptions::default()).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipping the seed comparison: ../shared/seeds not found");
    } else {
        for a in &story.articles {
            let seed = std::fs::read_to_string(seeds.join(format!("{}.txt", a.id))).unwrap();
            assert_eq!(a.text, seed, "{} differs from its seed", a.id);
        }
    }
    for a in &story.articles {
        assert_eq!((a.outlet.as_deref(), a.published), (None, None), "{}", a.id);
    }
}

#[test]
fn report_names_the_main_sources_with_evidence() {
    let story = default_story(&LoadOptions::default()).unwrap();
    let report = claimgraph::analyze(&story, &Default::default());
    for (id, evidence) in [
        ("fsb", "The FSB stated that"),
        (
            "state-department",
            "A State Department spokesperson said to Newsweek",
        ),
        ("kremlin", "Kremlin spokesman Dmitry Peskov expressed"),
        ("rt", "She reportedly said"),
    ] {
        let claim = report
            .claims
            .iter()
            .find(|c| c.speaker.source == id && c.evidence.text.contains(evidence))
            .unwrap_or_else(|| panic!("no claim of {id} with evidence {evidence:?}"));
        let art = story
            .articles
            .iter()
            .find(|a| a.id == claim.article)
            .unwrap();
        assert_eq!(
            &art.text[claim.evidence.start..claim.evidence.end],
            claim.evidence.text
        );
        assert!(
            report.sources.iter().any(|s| s.id == id && s.claims > 0),
            "{id}"
        );
    }
    let md = claimgraph::report::markdown::render(&report);
    for name in [
        "Federal Security Service (FSB)",
        "U.S. State Department",
        "The Kremlin",
        "| RT |",
    ] {
        assert!(md.contains(name), "{name} missing from the Markdown report");
    }
    // "The post reads" keeps an unresolved speaker rather than a guessed one
    let post = report
        .claims
        .iter()
        .find(|c| c.speaker.mention == "The post")
        .unwrap();
    assert!(post.speaker.rule.is_none() && post.speaker.source.starts_with("unknown:"));
    // the FSB's two statements under "Reuters:" come via Reuters
    let via_reuters = report
        .claims
        .iter()
        .filter(|c| c.speaker.source == "fsb" && c.via.iter().any(|v| v == "Reuters"))
        .count();
    assert!(via_reuters >= 2, "{via_reuters}");
    // the image credit is not a claim
    assert!(!report
        .claims
        .iter()
        .any(|c| c.evidence.text.contains("Creative Commons")));
}
