//! Tests of `link::relate`.

use super::*;

/// Relates two invented claims of two sources, in two articles.
fn rel(a: &str, b: &str) -> Option<Relation> {
    let mut x = Claim::plain("x", "alpha", a);
    let mut y = Claim::plain("y", "beta", b);
    x.article = "one".into();
    y.article = "two".into();
    // what each asserts, read as the pipeline reads it (no registry: no parties)
    let none = crate::claims::Parties::default();
    for c in [&mut x, &mut y] {
        crate::claims::meaning::annotate(
            std::slice::from_mut(c),
            &none,
            &crate::claims::meaning::WordReader,
        );
    }
    // background claims, so that key weights are not all equal
    let others: Vec<Claim> = [
        "The harbour reopened on Monday.",
        "The council met to discuss the budget.",
        "Fishermen said the storm damaged boats.",
    ]
    .iter()
    .map(|t| Claim::plain("z", "gamma", t))
    .collect();
    let (vx, vy) = (ClaimView::new(&x), ClaimView::new(&y));
    let vo: Vec<ClaimView> = others.iter().map(ClaimView::new).collect();
    let kw = KeyWeights::new([&vx, &vy].into_iter().chain(&vo));
    relate(
        &Pair {
            claims: (&x, &y),
            views: (&vx, &vy),
            index: (0, 1),
        },
        &kw,
    )
}

#[test]
fn other_words_for_the_same_statement_agree() {
    let r = rel(
        "Militants planned an attack on the Valdera ferry terminal",
        "extremists were plotting an assault on the Valdera ferry terminal",
    )
    .unwrap();
    assert_eq!(r.kind, RelationKind::Agrees, "{:?}", r.reasons);
}

#[test]
fn negation_contradicts_and_hedged_negation_does_not() {
    let r = rel(
        "the dam at Korvel was breached by the flood",
        "the dam at Korvel was not breached by the flood",
    )
    .unwrap();
    assert_eq!(r.kind, RelationKind::Contradicts);
    // read as one deed asserted and denied, or, failing that, as a negation of the words
    assert!(
        r.reasons[0].contains("did not") || r.reasons[0].contains("negates"),
        "{:?}",
        r.reasons
    );
    let r = rel(
        "the dam at Korvel was breached by the flood",
        "the dam at Korvel may not have been breached by the flood",
    );
    assert!(
        r.as_ref()
            .is_none_or(|r| r.kind != RelationKind::Contradicts),
        "{r:?}"
    );
    // "not just" and a warning "not to" are no denial
    let r = rel(
        "the flood damaged farms near Korvel",
        "the flood damaged not just farms near Korvel but roads too",
    );
    assert!(
        r.as_ref()
            .is_none_or(|r| r.kind != RelationKind::Contradicts),
        "{r:?}"
    );
}

#[test]
fn a_negation_beside_the_deed_negates_no_telling_of_it() {
    let r = rel(
        "no casualties were reported on the ground from the plane crash near Korvel",
        "mourners gathered after the plane crash near Korvel",
    );
    assert!(
        r.as_ref()
            .is_none_or(|r| r.kind != RelationKind::Contradicts),
        "{r:?}"
    );
    let r = rel(
        "the plane did not crash near Korvel",
        "the plane crashed near Korvel on Monday",
    )
    .unwrap();
    assert_eq!(r.kind, RelationKind::Contradicts, "{:?}", r.reasons);
}

#[test]
fn conflicting_numbers_contradict() {
    let r = rel(
        "the ferry strike at Valdera will last 48 hours",
        "the ferry strike at Valdera will last 24 hours",
    )
    .unwrap();
    assert_eq!(r.kind, RelationKind::Contradicts);
    assert!(
        r.reasons[0].contains("48 hours against 24 hours"),
        "{:?}",
        r.reasons
    );
}

#[test]
fn other_names_alone_neither_contradict_nor_agree() {
    // two names beside one deed may be two deeds: only parties said to answer for
    // one event compete (see `asserted`)
    let r = rel(
        "Ostmark Shipping sabotaged the harbour cranes at night",
        "Kellen Logistics sabotaged the harbour cranes at night",
    );
    assert!(
        r.as_ref()
            .is_none_or(|r| !matches!(r.kind, RelationKind::Contradicts | RelationKind::Agrees)),
        "{r:?}"
    );
}

#[test]
fn one_speaker_in_one_article_does_not_contradict_itself() {
    let mut x = Claim::plain("x", "alpha", "the dam at Korvel was breached by the flood");
    let mut y = Claim::plain(
        "y",
        "alpha",
        "the dam at Korvel was not breached by the flood",
    );
    let none = crate::claims::Parties::default();
    for (c, s) in [(&mut x, 0), (&mut y, 4)] {
        c.article = "one".into();
        c.sentence = s;
        crate::claims::meaning::annotate(
            std::slice::from_mut(c),
            &none,
            &crate::claims::meaning::WordReader,
        );
    }
    let (vx, vy) = (ClaimView::new(&x), ClaimView::new(&y));
    let kw = KeyWeights::new([&vx, &vy]);
    let r = relate(
        &Pair {
            claims: (&x, &y),
            views: (&vx, &vy),
            index: (0, 1),
        },
        &kw,
    );
    assert!(
        r.as_ref()
            .is_none_or(|r| r.kind != RelationKind::Contradicts),
        "{r:?}"
    );
}

#[test]
fn a_longer_telling_elaborates() {
    let r = rel(
        "the harbour crane collapsed during the storm",
        "the harbour crane collapsed during the storm, crushing two trucks and closing \
             berth four for a week while inspectors examined the welds",
    )
    .unwrap();
    assert_eq!(r.kind, RelationKind::Elaborates, "{:?}", r.reasons);
    assert_eq!((r.a, r.b), (1, 0), "the longer claim adds the detail");
}

#[test]
fn unrelated_claims_have_no_relation() {
    assert!(rel("the council approved the budget", "the ferry strike ended").is_none());
}

#[test]
fn a_stray_negation_does_not_turn_an_assertion_around() {
    let mut c = Claim::plain(
        "x",
        "alpha",
        "the storm breached the dam at Korvel. This was not a rare event.",
    );
    crate::claims::meaning::annotate(
        std::slice::from_mut(&mut c),
        &crate::claims::Parties::default(),
        &crate::claims::meaning::WordReader,
    );
    assert!(c.assertion.predicate.is_some() && !c.assertion.negative);
    assert!(!ClaimView::new(&c).negative);
    // without a known predicate, any negation of the statement counts
    let d = Claim::plain("y", "alpha", "the harbour at Korvel was not reopened");
    assert!(ClaimView::new(&d).negative);
}

#[test]
fn a_matter_kept_at_a_distance_is_not_agreed_with() {
    let plain = "the ferry captain at Valdera was poisoned with a rare toxin in March";
    let r = rel(
        plain,
        "the ferry captain at Valdera was poisoned with a rare toxin",
    );
    assert_eq!(r.map(|r| r.kind), Some(RelationKind::Agrees));
    let r = rel(
        plain,
        "the ferry captain at Valdera suffered the effects of an alleged rare toxin",
    );
    assert!(
        r.as_ref().is_none_or(|r| r.kind != RelationKind::Agrees),
        "{r:?}"
    );
}

#[test]
fn the_names_of_parties_alone_assert_nothing_a_denial_answers() {
    let parties = crate::claims::meaning::tests::parties();
    let names = Claim::plain_in(
        "x",
        "alpha",
        "the Ostlandic army, or Kelmari forces",
        &parties,
    );
    assert!(!asserts_enough(&names));
    let said = Claim::plain_in(
        "y",
        "alpha",
        "the Ostlandic army closed the harbour road near Varno",
        &parties,
    );
    assert!(asserts_enough(&said));
}

#[test]
fn a_denial_contradicts_the_account_its_sentence_names() {
    use crate::resolve::{resolve, test_registry, Resolver, SourceTable};
    let article = crate::corpus::Article::new(
        "a",
        "The ministry dismissed a report from the Harbour Guild that concluded with low \
         confidence that the dam had been weakened by neglect.",
    );
    let reg = test_registry();
    let attrs = crate::attribution::extract(&article, reg.gazetteer());
    let mut table = SourceTable::new(&reg);
    let resolved = resolve(&article, &attrs, &Resolver::new(&reg), &mut table);
    let claims = crate::claims::build(&article, &resolved);
    assert_eq!(claims.len(), 2, "{claims:?}");
    let rels = crate::link::link(&claims);
    let r = rels
        .iter()
        .find(|r| r.kind == RelationKind::Contradicts)
        .unwrap_or_else(|| panic!("{rels:?}"));
    assert!(r.reasons[0].contains("rejects the account"), "{r:?}");
    // two claims of one sentence relate in no other way
    let mut other = claims.clone();
    other[0].stance = Stance::Assert;
    assert!(crate::link::link(&other).is_empty());
}
