//! The generator of claims against what it documents.

use super::*;
use crate::link::{self, RelationKind};

#[test]
fn words_are_distinct_and_short_for_small_numbers() {
    assert_eq!(word(0), "ba");
    assert_eq!(word(19), "ty");
    assert_eq!(word(20), "baba");
    let mut ws: Vec<String> = (0..9000).map(word).collect();
    ws.sort();
    ws.dedup();
    assert_eq!(ws.len(), 9000);
}

#[test]
fn generation_is_deterministic_and_shaped_as_documented() {
    let g = generate(2000, 7);
    assert_eq!(g, generate(2000, 7));
    assert_ne!(g, generate(2000, 8));
    let a = &g.claims;
    assert_eq!(a.len(), 2000);
    assert_eq!(g.retells.len(), 2000);
    // about half the claims retell a statement, and some statements more than once
    let retellings = g.retells.iter().flatten().count();
    assert!((800..1200).contains(&retellings), "{retellings}");
    assert!(g.retelling_pairs() > 300);
    assert!(a.iter().all(|c| (5..=25).contains(&c.keys.len())));
    // keys of a claim are distinct
    for c in a {
        let mut k = c.keys.clone();
        k.sort();
        k.dedup();
        assert_eq!(k.len(), c.keys.len());
    }
    let ids: std::collections::BTreeSet<&str> = a.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), a.len());
    assert!(a.iter().any(|c| c.stance == Stance::Deny));
    assert!(a.iter().any(|c| c.kind == AttributionKind::Direct));
}

#[test]
fn generated_claims_have_agreements_to_find() {
    let g = generate(3000, 1);
    let rels = link::link(&g.claims);
    // most retellings are candidates
    let pairs = link::candidates(&g.claims);
    let found = g.retelling_pairs_among(pairs.iter().map(|&(a, b, _)| (a, b)));
    assert!(
        found * 10 > g.retelling_pairs() * 9,
        "{found} of {}",
        g.retelling_pairs()
    );
    let agrees = rels
        .iter()
        .filter(|r| r.kind == RelationKind::Agrees)
        .count();
    assert!(agrees > 300, "{agrees} agreements");
    assert!(rels.iter().any(|r| r.kind == RelationKind::Contradicts));
    assert!(rels.iter().any(|r| r.kind == RelationKind::QuoteVariant));
}

#[test]
fn a_spec_builds_a_claim() {
    let c = ClaimSpec {
        article: "x".into(),
        sentence: 3,
        speaker: "fsb".into(),
        kind: AttributionKind::Direct,
        keys: vec!["attack".into(), "synagogu".into()],
        ..ClaimSpec::default()
    }
    .build();
    assert_eq!(c.id, "x#3");
    assert_eq!(c.text, "attack synagogu");
    assert_eq!(c.origin(), "fsb");
    assert_eq!(c.quotes, vec![Span::new(0, 15)]);
    assert_eq!(c.via.len(), 2);
}
