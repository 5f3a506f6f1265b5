//! Tests of `claims::meaning`.

use super::*;
use crate::sources::{Registry, Source, SourceKind};

/// Two invented governments, Kelmar and Ostland, each with a name for its forces.
pub(crate) fn parties() -> Parties {
    let src = |id: &str, aliases: &[&str], aff: Option<&str>| Source {
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        affiliation: aff.map(str::to_string),
        kind: SourceKind::Government,
        ..Source::unknown(id)
    };
    let mut a = src(
        "kelmar-government",
        &["Kelmar", "Kelmari forces"],
        Some("Kelmari state"),
    );
    a.id = "kelmar-government".into();
    let mut b = src(
        "ostland-government",
        &["Ostland", "Ostlandic army"],
        Some("Ostlandic state"),
    );
    b.id = "ostland-government".into();
    Parties::new(&Registry::new(vec![a, b]))
}

/// What `text` asserts, said by `source` of `affiliation` with `stance`.
pub(crate) fn said(source: &str, affiliation: &str, stance: Stance, text: &str) -> Assertion {
    let mut c = Claim::plain("x", source, text);
    c.affiliation = Some(affiliation.to_string());
    c.stance = stance;
    WordReader.read(&c, &parties())
}

fn read(text: &str, stance: Stance) -> Assertion {
    let mut c = Claim::plain("x", "someone", text);
    c.stance = stance;
    WordReader.read(&c, &parties())
}

#[test]
fn predicate_agent_and_polarity() {
    let a = read("Kelmari forces blew up the dam at Varno", Stance::Assert);
    assert_eq!(a.class(), Some(PredicateClass::Destroy));
    assert_eq!(a.agent.as_ref().unwrap().id, "Kelmari state");
    assert!(!a.negative);
    assert_eq!(a.place.as_deref(), Some("Varno"));
    let b = read(
        "the dam was destroyed by the Ostlandic army",
        Stance::Assert,
    );
    assert_eq!(b.class(), Some(PredicateClass::Destroy));
    assert_eq!(b.agent.as_ref().unwrap().id, "Ostlandic state");
    let c = read("Kelmar was not involved in the attack", Stance::Assert);
    assert_eq!(c.class(), Some(PredicateClass::Responsible));
    assert!(c.negative);
    let d = read("any involvement of Kelmar", Stance::Deny);
    assert_eq!(d.class(), Some(PredicateClass::Responsible));
    assert_eq!(d.agent.as_ref().unwrap().id, "Kelmari state");
    assert!(d.negative);
    let e = read(
        "it is very unlikely that Ostland was behind it",
        Stance::Assert,
    );
    assert!(e.negative);
    assert_eq!(e.modality.confidence, Some(Confidence::Low));
}

#[test]
fn quantities_with_ranges_and_bounds() {
    let a = read("between 100 and 300 people were killed", Stance::Assert);
    assert_eq!((a.quantities[0].low, a.quantities[0].high), (100.0, 300.0));
    let b = read("at least 471 people died", Stance::Assert);
    assert_eq!(b.quantities[0].low, 471.0);
    assert!(b.quantities[0].high.is_infinite());
    assert!(!a.quantities[0].compatible(&b.quantities[0]));
    let c = read("Seven people were injured in 2019", Stance::Assert);
    assert_eq!(c.quantities.len(), 1, "the year is no quantity");
    assert_eq!(c.quantities[0].low, 7.0);
    let d = read("the strike will last 48 hours", Stance::Assert);
    assert_eq!(d.quantities[0].unit, "hour");
    for (text, unit) in [("40 tonnes of oil", "tonnes"), ("9 barrels", "barrels")] {
        let q = &read(text, Stance::Assert).quantities[0];
        assert_eq!(q.unit, stem(unit), "{text}");
        assert!(
            q.text.ends_with(unit),
            "the text keeps its unit: {}",
            q.text
        );
    }
    let e = read("100-300 dead", Stance::Assert);
    assert_eq!((e.quantities[0].low, e.quantities[0].high), (100.0, 300.0));
}
#[test]
fn agents_are_doers_not_sufferers_objects_or_speakers() {
    let a = read(
        "it is highly likely that Kelmar was responsible for the attack",
        Stance::Assert,
    );
    assert_eq!(a.agent.as_ref().unwrap().id, "Kelmari state", "{a:?}");
    let b = read(
        "Ostland expelled diplomats in response to the attack",
        Stance::Assert,
    );
    assert!(b.agent.is_none(), "a noun after a preposition: {b:?}");
    let c = read("the poisoning of an Ostlandic defector", Stance::Assert);
    assert!(c.agent.is_none(), "'of' names the victim: {c:?}");
    let d = read("Kelmari forces died in the blast", Stance::Assert);
    assert!(d.agent.is_none(), "the subject of 'died': {d:?}");
    let e = read(
        "Ostlandic army officers saying a missile hit the plane",
        Stance::Assert,
    );
    assert!(e.agent.is_none(), "the speakers are no agent: {e:?}");
    let f = read("Kelmar had nothing to do with the blast", Stance::Deny);
    assert_eq!(f.class(), Some(PredicateClass::Responsible));
    assert_eq!(f.agent.as_ref().unwrap().id, "Kelmari state");
    assert!(f.negative, "a denial in its own words denies once");
    let g = read(
        "Ostland must back up its claim that Kelmari forces attacked the convoy",
        Stance::Assert,
    );
    assert!(g.within_account);
    assert!(!read("Kelmari forces attacked the convoy", Stance::Assert).within_account);
}

#[test]
fn a_denial_naming_no_one_is_of_the_speakers_own_part() {
    let mut c = Claim::plain("x", "kelmar-government", "any involvement");
    c.stance = Stance::Deny;
    c.affiliation = Some("Kelmari state".into());
    let a = WordReader.read(&c, &parties());
    assert_eq!(a.agent.as_ref().unwrap().id, "Kelmari state");
    assert!(a.negative);
    // an unknown speaker has no part to deny
    let mut u = Claim::plain("x", "unknown:someone", "any involvement");
    u.stance = Stance::Deny;
    assert!(WordReader.read(&u, &parties()).agent.is_none());
}

#[test]
fn negation_scope_and_double_negation() {
    let lows = |t: &str| t.split(' ').map(str::to_string).collect::<Vec<_>>();
    assert!(negated(&lows("he was not behind it"), None));
    assert!(!negated(
        &lows("there is not much that happens here that he is not behind"),
        None
    ));
    assert!(!negated(&lows("not only the dam"), None));
    assert!(!negated(&lows("if they do not pay"), None));
    // the relative clause takes its own negation, not the main clause's after it
    assert!(!negated(&lows("the man who did not pay"), None));
    assert!(negated(
        &lows("the official who was not named was not part of the delegation"),
        None
    ));
    assert!(negated(&lows("no evidence of a strike"), None));
    // "without" negates a predicate it governs only
    assert!(negated(&lows("without striking"), Some(1)));
    assert!(!negated(&lows("struck without warning"), Some(0)));
}

#[test]
fn counts_of_a_part_and_of_another_kind() {
    let whole = &read("500 people were killed", Stance::Assert).quantities[0];
    let part = &read("10 children were killed", Stance::Assert).quantities[0];
    let more = &read("600 children were killed", Stance::Assert).quantities[0];
    let one = &read("one of the dead was a doctor", Stance::Assert).quantities[0];
    let other = &read("12 soldiers were killed", Stance::Assert).quantities[0];
    assert_eq!(part.noun.as_deref(), Some("children"));
    assert_eq!(one.noun.as_deref(), Some("part"));
    assert!(whole.noun.is_none());
    assert!(part.compatible_count(whole) && whole.compatible_count(part));
    assert!(one.compatible_count(whole));
    assert!(
        !more.compatible_count(whole),
        "a part larger than the whole"
    );
    assert!(
        part.compatible_count(other),
        "children and soldiers are two counts"
    );
    let x = &read("471 people were killed", Stance::Assert).quantities[0];
    assert!(!x.compatible_count(whole));
}

#[test]
fn places_are_no_months_and_themes_no_predicates() {
    let a = read("Kelmari forces blew up the dam in March", Stance::Assert);
    assert_eq!(a.place, None);
    assert!(a.theme.contains(&"dam".to_string()), "{:?}", a.theme);
    let b = read(
        "Kelmar was responsible for the attack on the dam",
        Stance::Assert,
    );
    assert!(
        !b.theme.iter().any(|t| t.starts_with("attack")),
        "{:?}",
        b.theme
    );
    assert_eq!(b.events, vec![PredicateClass::Attack]);
    let c = read("Kelmar denied any role in the attack", Stance::Deny);
    assert!(b.same_matter(&c), "one deed named besides: {:?} {:?}", b, c);
}

#[test]
fn a_negation_denies_the_event_only_on_its_predicate() {
    let a = read("the dam at Varno was not breached", Stance::Assert);
    assert!(a.negative && a.denies_event);
    let b = read("Kelmari forces did not blow up the dam", Stance::Assert);
    assert!(b.negative && b.denies_event);
    for text in [
        "Kelmar had nothing to do with the blast",
        "there was no Kelmari involvement whatsoever",
        "Kelmar was not directly involved",
    ] {
        let a = read(text, Stance::Assert);
        assert!(a.negative && a.denies_event, "{text}: {a:?}");
    }
    // a noun beside the deed, or what is known of it, is what is negated
    let c = read(
        "no casualties were reported on the ground from the crash",
        Stance::Assert,
    );
    assert!(!c.denies_event, "{c:?}");
    let d = read("it is not yet clear what caused the crash", Stance::Assert);
    assert!(!d.denies_event, "{d:?}");
    // what is known of it, denied, denies it as far as the speaker knows
    let f = read(
        "officials had no information to suggest a missile was fired",
        Stance::Assert,
    );
    assert!(f.negative && f.denies_event, "{f:?}");
    let e = read("the dam was breached", Stance::Deny);
    assert!(e.denies_event);
}

#[test]
fn another_partys_denial_in_the_content_is_told_not_asserted() {
    let mut c = Claim::plain("x", "ostland-government", "Kelmar denies any involvement");
    c.affiliation = Some("Ostlandic state".into());
    let a = WordReader.read(&c, &parties());
    assert!(a.within_account, "{a:?}");
    // the party's own denial is its own
    let mut c = Claim::plain("x", "kelmar-government", "Kelmar denies any involvement");
    c.affiliation = Some("Kelmari state".into());
    let a = WordReader.read(&c, &parties());
    assert!(!a.within_account, "{a:?}");
}

#[test]
fn who_thinks_it_is_no_agent_of_what_is_thought() {
    let a = read(
        "the Ostlandic army assumed the outages were part of targeted attacks",
        Stance::Assert,
    );
    assert_eq!(a.class(), Some(PredicateClass::Attack));
    assert_eq!(a.agent, None, "{a:?}");
    let b = read(
        "the Ostlandic army thinks Kelmar was behind the attacks",
        Stance::Assert,
    );
    assert_eq!(
        b.agent.as_ref().map(|p| p.id.as_str()),
        Some("Kelmari state")
    );
}

#[test]
fn a_deed_after_by_saying_is_another_account_told() {
    let a = read(
        "the minister was wrong by saying that Kelmar was behind the attack",
        Stance::Assert,
    );
    assert!(a.within_account, "{a:?}");
    let b = read(
        "the minister is right: Kelmar was behind the attack",
        Stance::Assert,
    );
    assert!(!b.within_account, "{b:?}");
}

#[test]
fn a_demonym_before_a_noun_of_persons_names_no_state() {
    let a = read(
        "two Ostlandic citizens were behind the attack",
        Stance::Assert,
    );
    assert_eq!(a.agent, None, "{a:?}");
    assert!(a.parties.is_empty(), "{a:?}");
    let b = read("the Ostlandic army was behind the attack", Stance::Assert);
    assert_eq!(
        b.agent.as_ref().map(|p| p.id.as_str()),
        Some("Ostlandic state"),
        "{b:?}"
    );
}

#[test]
fn the_one_who_had_it_done_is_the_agent() {
    let a = read(
        "the pilot was killed at the behest of Ostland",
        Stance::Assert,
    );
    assert_eq!(a.class(), Some(PredicateClass::Kill));
    assert_eq!(a.agent.as_ref().unwrap().id, "Ostlandic state");
    let b = read(
        "the dam was destroyed on the orders of Kelmar",
        Stance::Assert,
    );
    assert_eq!(b.agent.as_ref().unwrap().id, "Kelmari state");
    // "of" after another noun names no agent
    let c = read(
        "the dam was destroyed in the north of Kelmar",
        Stance::Assert,
    );
    assert!(c.agent.is_none(), "{c:?}");
}

#[test]
fn the_side_that_holds_the_launch_site_fired() {
    let a = read(
        "the missile that downed the plane was fired from an area controlled by Ostland",
        Stance::Assert,
    );
    assert_eq!(a.agent.as_ref().unwrap().id, "Ostlandic state", "{a:?}");
    // a holding word that does not follow "from" names no launch site
    let b = read(
        "the missile downed the plane over an area controlled by Ostland",
        Stance::Assert,
    );
    assert!(b.agent.is_none(), "{b:?}");
}

#[test]
fn the_deed_said_of_a_party_is_the_one_read() {
    // the first deed that names a culprit is said of no one; the next one is
    let a = read(
        "there is no doubt who was responsible for the attack: Ostland carried out the poisoning",
        Stance::Assert,
    );
    assert_eq!(a.agent.as_ref().unwrap().id, "Ostlandic state", "{a:?}");
    assert!(!a.negative, "{a:?}");
    // with no deed said of a party, the first that names a culprit
    let b = read("the attack destroyed the dam", Stance::Assert);
    assert_eq!(b.class(), Some(PredicateClass::Attack));
    assert!(b.agent.is_none());
}
