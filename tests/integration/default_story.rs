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
    let story = crate::common::default_story();
    let report = report();
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
    assert!(post.speaker.rule.is_none() && post.speaker.source.as_str().starts_with("unknown:"));
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

/// The claims of the default story, for the assertions below.
use crate::common::default_report as report;

/// The one claim of article `article` (an id prefix) whose evidence holds `evidence` and
/// whose cue is `cue` (`None`: no cue, the article's own voice).
fn claim<'r>(
    report: &'r claimgraph::Report,
    article: &str,
    evidence: &str,
    cue: Option<&str>,
) -> &'r claimgraph::report::ClaimInfo {
    let found: Vec<_> = report
        .claims
        .iter()
        .filter(|c| {
            c.article.starts_with(article)
                && c.evidence.text.contains(evidence)
                && match (c.cue.as_deref(), cue) {
                    // the tagger's cue may take a word more ("reportedly said", "to claim")
                    (Some(have), Some(want)) => have == want || have.split(' ').any(|w| w == want),
                    (have, want) => have == want,
                }
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "claims with {evidence:?} and cue {cue:?}: {found:#?}"
    );
    found[0]
}

fn via_has(c: &claimgraph::report::ClaimInfo, name: &str) -> bool {
    c.via.iter().any(|v| v == name)
}

#[test]
fn the_fsb_speaks_its_four_statements_two_of_them_via_reuters() {
    let r = report();
    let statements = [
        (
            "Russian Federal Security Service announced",
            "announced",
            false,
        ),
        ("The FSB stated that “active search", "stated", false),
        (
            "The FSB reported that an Islamic State cell",
            "reported",
            true,
        ),
        ("The FSB stated that the cell", "stated", true),
    ];
    for (evidence, cue, reuters) in statements {
        let c = claim(&r, "000_", evidence, Some(cue));
        assert_eq!(c.speaker.source, "fsb", "{evidence}");
        assert_eq!(via_has(c, "Reuters"), reuters, "{evidence}: {:?}", c.via);
        assert_eq!(
            c.via.first().map(String::as_str),
            Some("Federal Security Service (FSB)")
        );
    }
    // under the "Reuters:" header the chain runs FSB → Reuters → article
    let c = claim(&r, "000_", "The FSB reported that", Some("reported"));
    assert_eq!(c.via.len(), 3, "{:?}", c.via);
    assert_eq!(c.via[1], "Reuters");
}

#[test]
fn the_report_continues_and_the_report_said_are_the_fsb() {
    let r = report();
    for (evidence, cue) in [
        ("The report continues", "continues"),
        ("The report said", "said"),
    ] {
        let c = claim(&r, "000_", evidence, Some(cue));
        assert_eq!(c.speaker.source, "fsb", "{evidence}");
        assert_eq!(c.speaker.mention, "The report");
        assert_eq!(c.speaker.antecedent.as_deref(), Some("The FSB"));
    }
    let c = claim(&r, "000_", "The report continues", Some("continues"));
    assert_eq!(c.kind.label(), "direct quote");
}

#[test]
fn the_state_department_speaks_twice_via_newsweek() {
    let r = report();
    let first = claim(
        &r,
        "000_",
        "A State Department spokesperson said to Newsweek",
        Some("said"),
    );
    assert_eq!(first.speaker.source, "state-department");
    assert_eq!(first.kind.label(), "partial quote");
    assert_eq!(first.stance.label(), "assert");
    assert!(via_has(first, "Newsweek"), "{:?}", first.via);
    let second = claim(
        &r,
        "000_",
        "the spokesperson refused to confirm",
        Some("refused to confirm"),
    );
    assert_eq!(second.speaker.source, "state-department");
    assert_eq!(second.stance.label(), "refuse-to-confirm");
    assert!(via_has(second, "Newsweek"), "{:?}", second.via);
}

#[test]
fn putins_allies_claim_via_newsweek() {
    let r = report();
    let c = claim(&r, "000_", "some of Putin’s allies to claim", Some("claim"));
    assert_eq!(c.speaker.source, "putin-allies");
    assert!(via_has(c, "Newsweek"), "{:?}", c.via);
    assert!(c.content[0]
        .text
        .starts_with("the U.S., U.K., and other entities"));
}

#[test]
fn the_post_keeps_an_unresolved_speaker() {
    let r = report();
    let c = claim(&r, "000_", "The post reads", Some("reads"));
    assert_eq!(c.speaker.mention, "The post");
    assert_eq!(c.speaker.rule, None);
    assert!(
        c.speaker.source.as_str().starts_with("unknown:"),
        "{}",
        c.speaker.source
    );
    assert_eq!(c.kind.label(), "direct quote");
}

#[test]
fn simonyan_speaks_for_rt_hedged_by_reportedly() {
    let r = report();
    let c = claim(&r, "000_", "She reportedly said", Some("said"));
    assert_eq!(c.speaker.source, "rt");
    assert_eq!(c.speaker.person.as_deref(), Some("Margarita Simonyan"));
    assert_eq!(c.speaker.antecedent.as_deref(), Some("Margarita Simonyan"));
    assert_eq!(c.hedges, ["reportedly"]);
    assert!(via_has(c, "Newsweek"), "{:?}", c.via);
}

#[test]
fn the_articles_own_voice_is_hedged_where_it_hedges() {
    let r = report();
    let c = claim(&r, "000_", "The two threats may not be connected", None);
    assert!(c.speaker.source.is_article_voice(), "{}", c.speaker.source);
    assert_eq!(c.kind.label(), "article's own voice");
    assert_eq!(c.hedges, ["may"]);
    // a time relative to the publication date stays unresolved: the date is unknown
    let c = claim(&r, "000_", "in the next 48 hours", Some("warn"));
    assert_eq!(c.speaker.source, "us-embassy-moscow");
    assert_eq!(c.times.len(), 1);
    assert_eq!(c.times[0].text, "in the next 48 hours");
    assert_eq!(
        (c.times[0].start.as_deref(), c.times[0].end.as_deref()),
        (None, None)
    );
    assert_eq!(c.times[0].anchor.label(), "publication");
}

#[test]
fn the_embassys_statements_are_the_us_embassy_in_moscow() {
    let r = report();
    let c = claim(
        &r,
        "003_",
        "According to the embassy’s statements",
        Some("According to"),
    );
    assert_eq!(c.speaker.source, "us-embassy-moscow");
    assert_eq!(c.kind.label(), "according to");
    assert!(c.content[0]
        .text
        .starts_with("there have been specific threats"));
}

#[test]
fn the_kremlin_denies_any_knowledge() {
    let r = report();
    let c = claim(&r, "003_", "a lack of any knowledge", Some("claiming"));
    assert_eq!(c.speaker.source, "kremlin");
    assert_eq!(c.stance.label(), "deny");
    assert!(c.hedges.is_empty(), "{:?}", c.hedges);
}

#[test]
fn peskovs_highly_unusual_is_quoted_for_the_kremlin() {
    let r = report();
    let c = claim(&r, "003_", "Peskov expressed", Some("expressed"));
    assert_eq!(c.speaker.source, "kremlin");
    assert_eq!(c.speaker.person.as_deref(), Some("Dmitry Peskov"));
    // his own words, given verbatim inside the paraphrase
    let quotes: Vec<&str> = c.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(quotes, ["“highly unusual”"]);
    assert_eq!(c.kind.label(), "partial quote");
    assert_eq!(c.stance.label(), "assert");
    // the second half of the sentence is a claim of its own
    let noted = claim(&r, "003_", "Peskov expressed", Some("noted"));
    assert_eq!(noted.speaker.source, "kremlin");
    assert!(noted.content[0].text.starts_with("they were investigating"));
}

#[test]
fn the_us_embassy_in_turkey_warns_of_possible_attacks() {
    let r = report();
    let c = claim(&r, "003_", "US Embassy in Turkey, warning", Some("warning"));
    assert_eq!(c.speaker.source, "us-embassy-turkey");
    assert_eq!(c.stance.label(), "warn");
    assert!(
        c.content[0]
            .text
            .contains("“possible imminent retaliatory attacks”"),
        "{:?}",
        c.content
    );
}

#[test]
fn the_image_credit_is_not_a_claim() {
    let r = report();
    assert!(!r
        .claims
        .iter()
        .any(|c| c.evidence.text.contains("licensed") || c.evidence.text.contains("Gennady")));
}
