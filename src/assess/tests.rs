//! Tests of `assess`.

use super::*;
use crate::resolve::ViaLink;
use crate::sources::Source;

fn outlet(id: &str, name: &str) -> Source {
    Source {
        id: id.into(),
        name: name.into(),
        kind: SourceKind::Outlet,
        ..Source::unknown(name)
    }
}

fn link(role: ViaRole, source: &str) -> ViaLink {
    ViaLink {
        role,
        source: Some(source.into()),
        name: source.into(),
        span: None,
    }
}

/// A claim from `origin`, as carried by an article of `outlet`.
fn carried(id: &str, origin: &str, outlet: &str, text: &str) -> Claim {
    let mut c = Claim::plain(id, origin, text);
    c.via = vec![
        link(ViaRole::Origin, origin),
        link(ViaRole::Article, outlet),
    ];
    c
}

fn relation(a: usize, b: usize, kind: RelationKind, score: f64) -> Relation {
    Relation {
        a,
        b,
        kind,
        score,
        reasons: Vec::new(),
        diff: Vec::new(),
    }
}

fn table() -> SourceTable<'static> {
    SourceTable::from_sources(vec![
        outlet("north-herald", "North Herald"),
        outlet("south-star", "South Star"),
        outlet("east-echo", "East Echo"),
    ])
}

#[test]
fn two_papers_citing_each_other_are_one_origin_and_cannot_be_judged() {
    let text = "the mill's owner sold the river rights";
    let claims = vec![
        carried("a", "south-star", "north-herald", text),
        carried("b", "north-herald", "south-star", text),
    ];
    let relations = [relation(0, 1, RelationKind::Agrees, 1.0)];
    let props = assess(&claims, &relations, &table());
    assert_eq!(props.len(), 1);
    let p = &props[0];
    assert_eq!(p.origins.len(), 2);
    assert_eq!(p.independent_origins.len(), 1, "{p:?}");
    assert_eq!(p.credibility, 6, "{p:?}");
    assert!(
        p.reasons.iter().any(|r| r.starts_with(
            "circular reporting: North Herald cites South Star, South Star cites North Herald"
        )),
        "{:?}",
        p.reasons
    );
}

#[test]
fn two_papers_citing_a_third_are_not_a_circle() {
    let text = "the mill's owner sold the river rights";
    let claims = vec![
        carried("a", "east-echo", "north-herald", text),
        carried("b", "east-echo", "south-star", text),
        carried("c", "south-star", "north-herald", text),
    ];
    let relations = [
        relation(0, 1, RelationKind::Agrees, 1.0),
        relation(1, 2, RelationKind::Agrees, 1.0),
    ];
    let props = assess(&claims, &relations, &table());
    assert_eq!(props.len(), 1);
    assert_eq!(props[0].independent_origins.len(), 2, "{:?}", props[0]);
    assert!(props[0].reasons.iter().all(|r| !r.contains("circular")));
    assert!(props[0].credibility < 6);
}

#[test]
fn a_proposition_never_holds_two_claims_that_contradict_each_other() {
    let claims = vec![
        Claim::plain("x", "north-herald", "forty barrels spilled at the mill"),
        Claim::plain("y", "south-star", "barrels spilled at the mill"),
        Claim::plain("z", "east-echo", "four hundred barrels spilled at the mill"),
    ];
    // x and y agree strongly, y and z weakly, and x contradicts z: the weak link goes
    let relations = [
        relation(0, 1, RelationKind::Agrees, 0.9),
        relation(1, 2, RelationKind::Agrees, 0.5),
        relation(0, 2, RelationKind::Contradicts, 0.8),
    ];
    let props = assess(&claims, &relations, &table());
    let groups: BTreeSet<Vec<usize>> = props.iter().map(|p| p.claims.clone()).collect();
    assert_eq!(groups, BTreeSet::from([vec![0, 1], vec![2]]));
    // without the contradiction, the chain of agreements makes one proposition
    let props = assess(&claims, &relations[..2], &table());
    assert_eq!(props.len(), 1);
}

#[test]
fn the_party_blamed_is_no_corroboration_of_the_blame() {
    use crate::claims::meaning::{Party, Predicate};
    use crate::claims::predicates::PredicateClass;
    let state = |id: &str, affiliation: &str| Source {
        id: id.into(),
        name: id.into(),
        kind: SourceKind::Government,
        affiliation: Some(affiliation.into()),
        ..Source::unknown(id)
    };
    let table = SourceTable::from_sources(vec![
        state("ostland-government", "Ostlandic state"),
        state("nato", "NATO"),
        state("kelmar-embassy", "Kelmari state"),
    ]);
    let blame = |id: &str, origin: &str| {
        let mut c = Claim::plain(id, origin, "Kelmar was behind the attack on the ferry");
        c.assertion.predicate = Some(Predicate {
            lemma: "behind",
            class: PredicateClass::Responsible,
        });
        c.assertion.agent = Some(Party {
            id: "Kelmari state".into(),
            text: "Kelmar".into(),
        });
        c
    };
    let claims = vec![
        blame("a", "ostland-government"),
        blame("b", "nato"),
        blame("c", "kelmar-embassy"),
    ];
    let relations = [
        relation(0, 1, RelationKind::Agrees, 0.9),
        relation(0, 2, RelationKind::Agrees, 0.9),
        relation(1, 2, RelationKind::Agrees, 0.9),
    ];
    let props = assess(&claims, &relations, &table);
    assert_eq!(props.len(), 1);
    assert_eq!(
        props[0].independent_origins.len(),
        2,
        "{:?}",
        props[0].independent_origins
    );
    assert!(
        props[0].reasons.iter().any(|r| r.contains("party blamed")),
        "{:?}",
        props[0].reasons
    );
    // the blamed party alone, admitting it, is still an origin
    let alone = assess(&claims[2..], &[], &table);
    assert_eq!(alone[0].independent_origins.len(), 1);
}

#[test]
fn who_did_it_is_answered_by_the_sides_that_name_a_party() {
    let parties = crate::claims::meaning::tests::parties();
    let claims = vec![
        Claim::plain_in(
            "a",
            "north-herald",
            "the Ostlandic army blew up the dam at Varno",
            &parties,
        ),
        Claim::plain_in(
            "b",
            "south-star",
            "Kelmari forces blew up the dam at Varno",
            &parties,
        ),
        Claim::plain_in(
            "c",
            "east-echo",
            "the dam at Varno was not blown up on Tuesday",
            &parties,
        ),
    ];
    let relations = [
        relation(0, 1, RelationKind::Contradicts, 1.0),
        relation(1, 2, RelationKind::Contradicts, 1.0),
    ];
    let props = assess(&claims, &relations, &table());
    let found = disputes::disputes(&claims, &relations, &props);
    assert_eq!(found.len(), 1, "{found:?}");
    let answers: Vec<&str> = found[0].sides.iter().map(|s| s.answer.as_str()).collect();
    assert_eq!(answers.len(), 2, "{answers:?}");
    assert!(
        answers.contains(&"Ostlandic state") && answers.contains(&"Kelmari state"),
        "{answers:?}"
    );
}
