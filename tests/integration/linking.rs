//! The default story's claims linked across articles: what the issue on linking asks to
//! come out right, checked on the analysis itself.

use crate::common::default_analysis;
use claimgraph::link::{DiffOp, RelationKind};
use claimgraph::Analysis;

/// The index of the one claim whose text contains `needle`.
fn claim(an: &Analysis, needle: &str) -> usize {
    let hits: Vec<usize> = (0..an.claims.len())
        .filter(|&i| an.claims[i].text.contains(needle))
        .collect();
    assert_eq!(hits.len(), 1, "claims containing {needle:?}: {hits:?}");
    hits[0]
}

fn relation(an: &Analysis, x: usize, y: usize) -> Option<RelationKind> {
    an.relations
        .iter()
        .find(|r| (r.a, r.b) == (x, y) || (r.a, r.b) == (y, x))
        .map(|r| r.kind)
}

/// The assessment (proposition) that holds claim `i`.
fn proposition<'a>(an: &'a Analysis, i: usize) -> &'a claimgraph::assess::Assessment {
    an.assessments
        .iter()
        .find(|p| p.claims.contains(&i))
        .expect("every claim is in a proposition")
}

#[test]
fn embassy_warnings_agree_and_rest_on_one_origin() {
    let an = default_analysis();
    let first = claim(an, "not to attend large gatherings");
    let second = claim(an, "potential terrorist threats in Russia’s capital");
    assert_ne!(an.claims[first].article, an.claims[second].article);
    assert_eq!(relation(an, first, second), Some(RelationKind::Agrees));
    let p = proposition(an, first);
    assert!(p.claims.contains(&second));
    assert_eq!(p.origins, ["us-embassy-moscow"]);
    assert_eq!(p.independent_origins.len(), 1);
    assert!(
        p.reasons[0].starts_with("rests on one origin, U.S. Embassy in Moscow, told twice"),
        "{:?}",
        p.reasons
    );
}

#[test]
fn kremlin_dismissal_contradicts_the_specific_threats() {
    let an = default_analysis();
    let dismissal = claim(an, "lack of any knowledge");
    let threats = claim(an, "specific threats directed towards");
    let r = an
        .relations
        .iter()
        .find(|r| r.kind == RelationKind::Contradicts && [r.a, r.b] == [threats, dismissal])
        .expect("the dismissal contradicts the embassy's account");
    assert!(r.score >= 0.5 && r.score <= 1.0, "{}", r.score);
    assert!(
        r.reasons
            .iter()
            .any(|w| w.contains("answer to U.S. Embassy in Moscow")),
        "{:?}",
        r.reasons
    );
    // the graph answers the same question
    assert!(an.graph.contradictions_of(dismissal).contains(&threats));
    // and the embassy's warning proposition knows who disputes it
    let warning = claim(an, "potential terrorist threats in Russia’s capital");
    assert_eq!(proposition(an, warning).contradicted_by, ["kremlin"]);
    assert_eq!(
        proposition(an, dismissal).contradicted_by,
        ["us-embassy-moscow"]
    );
}

#[test]
fn fsb_quotations_are_a_quote_variant_pair_with_the_difference() {
    let an = default_analysis();
    let a = claim(an, "attack a congregation of a Synagogue using firearms");
    let b = claim(an, "use firearms to attack congregants at a synagogue");
    let r = an
        .relations
        .iter()
        .find(|r| r.kind == RelationKind::QuoteVariant && [r.a, r.b] == [a, b])
        .expect("quote variant");
    let removed: Vec<&str> = r
        .diff
        .iter()
        .filter(|p| p.op == DiffOp::Removed)
        .map(|p| p.text.as_str())
        .collect();
    let added: Vec<&str> = r
        .diff
        .iter()
        .filter(|p| p.op == DiffOp::Added)
        .map(|p| p.text.as_str())
        .collect();
    assert!(
        removed.iter().any(|t| t.contains("congregation")),
        "{removed:?}"
    );
    assert!(added.iter().any(|t| t.contains("congregants")), "{added:?}");
    assert!(r.reasons.iter().any(|w| w.contains("similarity")));
    // both wordings are the FSB's, so they are one proposition with one origin
    assert_eq!(proposition(an, a).origins, ["fsb"]);
    assert!(proposition(an, a).claims.contains(&b));
}

#[test]
fn foiled_attack_rests_on_the_fsb_alone_though_told_twice() {
    let an = default_analysis();
    let foiled = claim(an, "foiled an Islamic State terrorist attack");
    let p = proposition(an, foiled);
    assert_eq!(p.origins, ["fsb"]);
    assert!(p.claims.len() >= 2, "{:?}", p.claims);
    assert_eq!(p.credibility, 3, "one origin cannot confirm itself");
    assert!(p.reasons[0].starts_with("rests on one origin, Federal Security Service (FSB)"));
}

#[test]
fn peskov_highly_unusual_agrees_with_so_unusual() {
    let an = default_analysis();
    let peskov = claim(an, "“highly unusual”");
    let newsweek = claim(an, "so unusual");
    assert_eq!(relation(an, peskov, newsweek), Some(RelationKind::Agrees));
    assert_eq!(proposition(an, peskov).independent_origins.len(), 2);
}

#[test]
fn russian_state_voices_are_not_independent() {
    let an = default_analysis();
    let false_flag = claim(an, "false-flag");
    let allies = claim(an, "planning terror attacks against Russia");
    let simonyan = claim(an, "complicity");
    let p = proposition(an, false_flag);
    for i in [allies, simonyan] {
        assert!(p.claims.contains(&i), "{}", an.claims[i].text);
    }
    for id in ["russian-government", "putin-allies", "rt"] {
        assert!(p.origins.iter().any(|o| o == id), "{:?}", p.origins);
    }
    assert_eq!(p.independent_origins, ["Russian state"]);
    assert!(p
        .reasons
        .iter()
        .any(|r| r.contains("are all Russian state: they count as one origin")));
}

#[test]
fn refusing_to_confirm_is_neither_agreement_nor_denial() {
    let an = default_analysis();
    let refusal = claim(an, "had any connection");
    assert!(an
        .relations
        .iter()
        .filter(|r| r.a == refusal || r.b == refusal)
        .all(|r| !matches!(r.kind, RelationKind::Agrees | RelationKind::Contradicts)));
    assert_eq!(proposition(an, refusal).credibility, 6);
}

#[test]
fn graph_queries_follow_sources_and_chains() {
    let an = default_analysis();
    let relayed = claim(an, "Kaluga Region");
    assert_eq!(an.graph.chain_of(relayed), ["fsb", "reuters"]);
    let fsb = an.graph.claims_of_source("fsb");
    assert!(fsb.contains(&relayed));
    assert!(fsb.iter().all(|&i| an.claims[i].speaker.source == "fsb"));
    assert!(an.graph.claims_reported_via("reuters").contains(&relayed));
}
