//! Relations decided on what two claims assert ([`crate::claims::Assertion`]): the same
//! predicate class said of the same party with the same polarity agrees, whatever the
//! wording; another party for the same deed, opposite polarity on one event, or counts
//! that cannot both be true contradict. Counts taken on different days, and dates alone,
//! are no contradiction.

use crate::attribution::Stance;
use crate::claims::meaning::Quantity;
use crate::claims::predicates::PredicateClass;
use crate::claims::Claim;

/// What the meaning of two claims says of their relation.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Verdict {
    /// They assert the same: the reason.
    Agrees(String),
    /// They cannot both be true: the reason.
    Contradicts(String),
    /// They must not be linked as agreeing (other counts, other agents), though nothing
    /// shows they contradict: the reason.
    Apart(String),
}

/// Names a claim's speaker in reasons.
fn who(c: &Claim) -> &str {
    c.via
        .first()
        .map_or(c.speaker.text.as_str(), |v| v.name.as_str())
}

/// The party a claim's speaker belongs to: its affiliation, else its source.
fn party_of(c: &Claim) -> &str {
    c.affiliation.as_deref().unwrap_or(c.origin().as_str())
}

/// True when the two claims' dates are known and do not overlap.
fn other_days(a: &Claim, b: &Claim) -> bool {
    let days = |c: &Claim| -> Vec<(chrono::NaiveDate, chrono::NaiveDate)> {
        c.times
            .iter()
            .filter_map(|t| Some((t.start?, t.end.or(t.start)?)))
            .collect()
    };
    let (da, db) = (days(a), days(b));
    !da.is_empty()
        && !db.is_empty()
        && da
            .iter()
            .all(|(s1, e1)| db.iter().all(|(s2, e2)| e1 < s2 || e2 < s1))
}

/// The quantities of `a` and `b` of one unit that cannot both hold, if every such pair
/// is incompatible and there is one.
///
/// Measures compare by unit; counts only when both count what the predicate says of
/// and the predicate counts people ("471 killed" against "100 to 300 dead").
pub(crate) fn incompatible<'q>(
    a: &'q [Quantity],
    b: &'q [Quantity],
    counts: bool,
) -> Option<(&'q Quantity, &'q Quantity)> {
    let mut first = None;
    let comparable = |x: &Quantity, y: &Quantity| {
        x.unit == y.unit && (x.unit != "count" || (counts && x.of_predicate && y.of_predicate))
    };
    for x in a {
        for y in b.iter().filter(|y| comparable(x, y)) {
            let fits = if x.unit == "count" {
                x.compatible_count(y)
            } else {
                x.compatible(y)
            };
            if fits {
                return None;
            }
            first.get_or_insert((x, y));
        }
    }
    first
}

/// The verdict of the two claims' assertions, when they say enough: both need a
/// predicate of one class and share a content word besides (`shared` counts the shared
/// keys that are words, not the `@` keys of class and party).
pub(crate) fn verdict(a: &Claim, b: &Claim, shared: usize) -> Option<Verdict> {
    let (ma, mb) = (&a.assertion, &b.assertion);
    let class = ma.class()?;
    let other = mb.class()?;
    // the classes that name a culprit all answer "who did it": destroying the dam,
    // shooting the plane down and being responsible for it are one question
    if !class.one_question(other) {
        return None;
    }
    // the same party said to have done a deed of one class agrees whatever the words
    // around it; any other verdict needs a content word in common besides, except a
    // denial of the party's part that names no matter ("denied its involvement"): it
    // answers every account of the party's deed
    let same_party = matches!((&ma.agent, &mb.agent), (Some(x), Some(y)) if x.id == y.id);
    let same_deed = class == other && ma.negative == mb.negative && same_party;
    let general_denial = same_party
        && ma.negative != mb.negative
        && class.has_culprit()
        && other.has_culprit()
        && (if ma.negative { ma } else { mb }).theme.is_empty();
    if shared < 1 && !same_deed && !general_denial {
        return None;
    }
    // a claim under a condition ("if ..., X will be deemed guilty") asserts nothing yet
    if ma.modality.conditional || mb.modality.conditional {
        return None;
    }
    let hedged = ma.modality.hedged || mb.modality.hedged;
    // an opposition needs one event: themes that can be of one matter, each claim
    // asserting it (not telling of another's account), and two voices, not one speaker's
    // two sentences in one article
    let one_voice = a.article == b.article && a.origin() == b.origin();
    let told = ma.within_account || mb.within_account;
    let one_event = ma.same_matter(mb) && !told && !one_voice;
    // counts of the same thing
    if let Some((x, y)) = incompatible(&ma.quantities, &mb.quantities, class.counts_people()) {
        if other_days(a, b) {
            return Some(Verdict::Apart(format!(
                "{} and {} give other figures ({} against {}) for other days",
                who(a),
                who(b),
                x.text,
                y.text
            )));
        }
        // a toll told later that is no lower is the count taken since, not a dispute
        if let (Some(da), Some(db)) = (ma.told, mb.told) {
            let (early, late) = if da <= db { (x, y) } else { (y, x) };
            if da != db && x.unit == "count" && late.low >= early.low {
                return Some(Verdict::Apart(format!(
                    "{} and {} give other counts ({} against {}) on other days: a later \
                     count that is no lower updates the earlier",
                    who(a),
                    who(b),
                    x.text,
                    y.text
                )));
            }
        }
        if ma.negative == mb.negative && one_event {
            return Some(Verdict::Contradicts(format!(
                "the figures cannot both be true: {} against {} ({})",
                x.text,
                y.text,
                class.label()
            )));
        }
    }
    match (&ma.agent, &mb.agent) {
        (Some(x), Some(y)) if x.id != y.id => {
            // the party one claim blames speaks in the other: each side names another
            let blames_speaker = x.id == party_of(b) || y.id == party_of(a);
            if class.has_culprit() && !ma.negative && !mb.negative && blames_speaker && one_event {
                return Some(Verdict::Contradicts(format!(
                    "competing accounts of who is to answer: {} says {} ({}), {} says {} ({})",
                    who(a),
                    x.text,
                    x.id,
                    who(b),
                    y.text,
                    y.id
                )));
            }
            Some(Verdict::Apart(format!(
                "said of other parties: {} against {}",
                x.id, y.id
            )))
        }
        (Some(x), Some(_)) => {
            if ma.negative != mb.negative {
                let (pos, neg) = if ma.negative { (b, a) } else { (a, b) };
                // a hedge leaves who did it open ("may not have" against "may have"),
                // unless the negative side is its speaker's denial: "dismissed reports
                // that X may be behind it" answers "X may be to blame"
                let open = hedged && class.has_culprit() && neg.stance != Stance::Deny;
                if open || !one_event {
                    return None;
                }
                return Some(Verdict::Contradicts(format!(
                    "{} says {} {}; {} says it did not",
                    who(pos),
                    x.id,
                    class.past(),
                    who(neg)
                )));
            }
            // two classes that ask who did it agree on the one who answers for it
            let deed = if class == other {
                class.past()
            } else {
                PredicateClass::Responsible.past()
            };
            Some(Verdict::Agrees(format!(
                "both {} {} {}",
                if ma.negative { "deny that" } else { "say" },
                x.id,
                deed
            )))
        }
        // a deed denied of any party of a kind ("very unlikely a foreign adversary was
        // responsible") answers the account that names a party for it
        (Some(x), None) | (None, Some(x)) => {
            let (pos, neg) = if ma.negative { (b, a) } else { (a, b) };
            let opposed = ma.negative != mb.negative
                && neg.assertion.denies_event
                && pos.assertion.agent.is_some();
            let denies_any =
                opposed && neg.assertion.any_party && class.has_culprit() && other.has_culprit();
            // the deed itself denied, of no party ("the dam was not destroyed"), answers
            // the account of who did it when they share their matter
            let denies_deed = opposed
                && !pos.assertion.unsettled
                && !neg.assertion.any_party
                && neg.assertion.parties.is_empty()
                && ma.shared_theme(mb).len() >= DEED_THEME_SHARED;
            if !(denies_any || denies_deed) || told || one_voice || hedged {
                return None;
            }
            Some(Verdict::Contradicts(if denies_any {
                format!(
                    "{} says {} {}; {} says no party of the kind did",
                    who(pos),
                    x.id,
                    pos.assertion.class().unwrap_or(class).past(),
                    who(neg)
                )
            } else {
                format!(
                    "{} says {} {} ({}); {} says it did not happen",
                    who(pos),
                    x.id,
                    pos.assertion.class().unwrap_or(class).past(),
                    ma.shared_theme(mb).join(", "),
                    who(neg)
                )
            }))
        }
        // the same deed of no named party, asserted by one and denied as an event by the
        // other ("a laboratory leak was the cause" against "highly unlikely to have leaked
        // from a lab"): they must share more of their matter than one word
        (None, None) => {
            let (pos, neg) = if ma.negative { (b, a) } else { (a, b) };
            // one deed: the same class, or two of the question where a thing came from
            // ("a laboratory leak" against "a laboratory origin"), not two deeds that ask
            // who did it ("took the plane down" against "killed him")
            let one_deed = class == other || !(class.has_culprit() && other.has_culprit());
            let opposed = ma.negative != mb.negative
                && one_deed
                && neg.assertion.denies_event
                && !pos.assertion.unsettled
                && !ma.any_party
                && !mb.any_party
                && !hedged
                && one_event
                && ma.shared_theme(mb).len() >= DEED_THEME_SHARED;
            if !opposed {
                return None;
            }
            Some(Verdict::Contradicts(format!(
                "{} says it happened ({}: {}); {} says it did not",
                who(pos),
                pos.assertion.class().unwrap_or(class).label(),
                ma.shared_theme(mb).join(", "),
                who(neg)
            )))
        }
    }
}

/// Theme words (or their concepts) two claims must share for a deed no party is named
/// for, asserted by one and denied by the other, to be one event.
const DEED_THEME_SHARED: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::meaning::tests::parties;

    /// A claim of `source` (of `affiliation`) in `article`, with its assertion read.
    fn said(source: &str, affiliation: &str, article: &str, text: &str) -> Claim {
        let mut c = Claim::plain("x", source, text);
        c.affiliation = Some(affiliation.to_string());
        c.article = article.to_string();
        crate::claims::meaning::annotate(
            std::slice::from_mut(&mut c),
            &parties(),
            &crate::claims::meaning::WordReader,
        );
        c
    }

    fn kelmar(article: &str, text: &str) -> Claim {
        said("kelmar-government", "Kelmari state", article, text)
    }

    fn ostland(article: &str, text: &str) -> Claim {
        said("ostland-government", "Ostlandic state", article, text)
    }

    #[test]
    fn each_side_blaming_the_other_contradicts() {
        let a = kelmar("one", "the Ostlandic army blew up the dam at Varno");
        let b = ostland("two", "Kelmari forces blew up the dam at Varno");
        match verdict(&a, &b, 2) {
            Some(Verdict::Contradicts(why)) => assert!(why.contains("competing"), "{why}"),
            v => panic!("{v:?}"),
        }
    }

    #[test]
    fn other_events_and_told_accounts_do_not_contradict() {
        let a = kelmar("one", "the Ostlandic army blew up the dam at Varno");
        let b = ostland("two", "Kelmari forces blew up the bridge at Tarsk");
        assert!(
            !matches!(verdict(&a, &b, 1), Some(Verdict::Contradicts(_))),
            "two deeds done to two things"
        );
        let c = ostland(
            "two",
            "Kelmar must back up its claim that Ostlandic army blew up the dam",
        );
        assert!(c.assertion.within_account);
        assert!(!matches!(verdict(&a, &c, 2), Some(Verdict::Contradicts(_))));
    }

    #[test]
    fn one_speaker_in_one_article_does_not_contradict_itself() {
        let a = kelmar("one", "the Ostlandic army blew up the dam");
        let b = kelmar("one", "the Ostlandic army did not blow up the dam");
        assert!(!matches!(verdict(&a, &b, 1), Some(Verdict::Contradicts(_))));
        let c = ostland("two", "the Ostlandic army did not blow up the dam");
        assert!(matches!(verdict(&a, &c, 1), Some(Verdict::Contradicts(_))));
    }

    #[test]
    fn the_same_party_for_the_same_deed_agrees_in_other_words() {
        let a = kelmar("one", "it is highly likely Ostland was responsible for it");
        let b = said(
            "nato",
            "NATO",
            "two",
            "we were right to say the Ostlandic army was responsible",
        );
        match verdict(&a, &b, 0) {
            Some(Verdict::Agrees(why)) => assert!(why.contains("Ostlandic state"), "{why}"),
            v => panic!("{v:?}"),
        }
    }

    #[test]
    fn a_toll_that_rises_is_no_dispute_but_one_cut_is() {
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2024, 5, d);
        let mut a = kelmar("one", "100 people were killed at Varno");
        let mut b = ostland("two", "300 people were killed at Varno");
        a.assertion.told = day(1);
        b.assertion.told = day(3);
        assert!(
            matches!(verdict(&a, &b, 1), Some(Verdict::Apart(_))) || verdict(&a, &b, 1).is_none()
        );
        let mut c = ostland("two", "50 people were killed at Varno");
        c.assertion.told = day(3);
        match verdict(&a, &c, 1) {
            Some(Verdict::Contradicts(why)) => assert!(why.contains("100"), "{why}"),
            v => panic!("{v:?}"),
        }
        let mut d = ostland("two", "40 children were killed at Varno");
        d.assertion.told = day(1);
        assert!(
            !matches!(verdict(&a, &d, 1), Some(Verdict::Contradicts(_))),
            "a part"
        );
    }

    #[test]
    fn an_assessed_likelihood_is_denied_as_an_assertion() {
        // "highly likely" states a confidence: the claim asserts the matter, and a denial
        // of it contradicts; "may" leaves it open, and the denial does not
        let a = said(
            "ostland-government",
            "Ostlandic state",
            "one",
            "it is highly likely Kelmar was responsible for the attack at Varno",
        );
        assert!(!a.assertion.modality.hedged);
        let b = kelmar("two", "Kelmar was not involved in the attack at Varno");
        match verdict(&a, &b, 1) {
            Some(Verdict::Contradicts(why)) => assert!(why.contains("did not"), "{why}"),
            v => panic!("{v:?}"),
        }
        let c = said(
            "ostland-government",
            "Ostlandic state",
            "one",
            "Kelmar may have been responsible for the attack at Varno",
        );
        assert!(c.assertion.modality.hedged);
        assert!(!matches!(verdict(&c, &b, 1), Some(Verdict::Contradicts(_))));
        // but the party's own denial answers even the account that it may have been
        let mut d = kelmar("two", "Kelmar was involved in the attack at Varno");
        d.stance = Stance::Deny;
        crate::claims::meaning::annotate(
            std::slice::from_mut(&mut d),
            &parties(),
            &crate::claims::meaning::WordReader,
        );
        assert!(d.assertion.negative);
        match verdict(&c, &d, 1) {
            Some(Verdict::Contradicts(why)) => assert!(why.contains("did not"), "{why}"),
            v => panic!("{v:?}"),
        }
    }

    #[test]
    fn a_denial_of_the_partys_part_answers_its_deed_in_any_words() {
        let mut a = kelmar("one", "its involvement");
        a.stance = crate::attribution::Stance::Deny;
        crate::claims::meaning::annotate(
            std::slice::from_mut(&mut a),
            &parties(),
            &crate::claims::meaning::WordReader,
        );
        assert!(a.assertion.theme.is_empty() && a.assertion.negative);
        let b = ostland("two", "Kelmari forces shot down the airliner over Tarsk");
        match verdict(&a, &b, 0) {
            Some(Verdict::Contradicts(why)) => assert!(why.contains("did not"), "{why}"),
            v => panic!("{v:?}"),
        }
        // a denial that names its matter needs a word of it in common
        let c = kelmar(
            "one",
            "Kelmar was not involved in the flooding of the valley",
        );
        assert!(verdict(&c, &b, 0).is_none());
    }

    #[test]
    fn a_rejection_answers_every_account_of_the_party_it_defends() {
        let a = ostland(
            "one",
            "it is a circus show, an information campaign based on a provocation",
        );
        assert!(a.assertion.rejects);
        let b = kelmar(
            "two",
            "the Ostlandic army was behind the poisoning at Varno",
        );
        match verdict(&a, &b, 0) {
            Some(Verdict::Contradicts(why)) => assert!(why.contains("did not"), "{why}"),
            v => panic!("{v:?}"),
        }
        // and agrees with the party's own denial in any words
        let c = ostland("three", "Ostland had nothing to do with the attack");
        match verdict(&a, &c, 0) {
            Some(Verdict::Agrees(why)) => assert!(why.contains("deny"), "{why}"),
            v => panic!("{v:?}"),
        }
        // an account that blames another party is not answered
        let d = ostland("four", "Kelmari forces poisoned him at Varno");
        assert!(!matches!(verdict(&a, &d, 0), Some(Verdict::Contradicts(_))));
    }

    #[test]
    fn a_deed_denied_of_any_party_of_a_kind_answers_the_party_named() {
        let a = said(
            "inspectors",
            "inspectors",
            "one",
            "it is very unlikely that a foreign government was behind the outbreak",
        );
        assert!(
            a.assertion.any_party && a.assertion.negative,
            "{:?}",
            a.assertion
        );
        let b = kelmar("two", "Ostland was behind the outbreak");
        match verdict(&a, &b, 1) {
            Some(Verdict::Contradicts(why)) => assert!(why.contains("Ostlandic state"), "{why}"),
            v => panic!("{v:?}"),
        }
        // a named party's deed is not denied by a denial of another deed's kind
        let c = said(
            "inspectors",
            "inspectors",
            "one",
            "the outbreak was not caused by the water supply",
        );
        assert!(!c.assertion.any_party);
        assert!(!matches!(verdict(&c, &b, 1), Some(Verdict::Contradicts(_))));
    }

    #[test]
    fn a_deed_of_no_party_asserted_and_denied_contradicts() {
        let a = said(
            "inspectors",
            "inspectors",
            "one",
            "a leak from the Varno laboratory caused the outbreak",
        );
        let b = kelmar(
            "two",
            "the outbreak was highly unlikely to have leaked from the Varno laboratory",
        );
        assert!(a.assertion.agent.is_none() && b.assertion.agent.is_none());
        assert!(b.assertion.negative && b.assertion.denies_event);
        match verdict(&a, &b, 2) {
            Some(Verdict::Contradicts(why)) => assert!(why.contains("did not"), "{why}"),
            v => panic!("{v:?}"),
        }
        // one word of the matter in common is not one event
        let c = kelmar("two", "the outbreak did not leak from any farm");
        assert!(c.assertion.negative);
        assert!(!matches!(verdict(&a, &c, 1), Some(Verdict::Contradicts(_))));
        // a hedged assertion is not contradicted by a denial
        let d = said(
            "inspectors",
            "inspectors",
            "one",
            "a leak from the Varno laboratory may have caused the outbreak",
        );
        assert!(!matches!(verdict(&d, &b, 2), Some(Verdict::Contradicts(_))));
        // nor is one whose words leave the matter unsettled
        let e = said(
            "inspectors",
            "inspectors",
            "one",
            "inspectors were unable to determine whether a leak from the Varno laboratory caused the outbreak",
        );
        assert!(
            e.assertion.unsettled && !e.assertion.negative,
            "{:?}",
            e.assertion
        );
        assert!(!matches!(verdict(&e, &b, 2), Some(Verdict::Contradicts(_))));
    }

    #[test]
    fn the_deed_itself_denied_answers_who_did_it() {
        let a = kelmar(
            "one",
            "the Ostlandic army blew up the dam at Varno on Tuesday",
        );
        let b = said(
            "inspectors",
            "inspectors",
            "two",
            "the dam at Varno was not blown up on Tuesday",
        );
        assert!(b.assertion.agent.is_none() && b.assertion.denies_event);
        match verdict(&a, &b, 2) {
            Some(Verdict::Contradicts(why)) => assert!(why.contains("did not happen"), "{why}"),
            v => panic!("{v:?}"),
        }
        // denying that one party did it leaves the deed standing: no contradiction of
        // an account that names no party
        let c = said(
            "inspectors",
            "inspectors",
            "two",
            "the dam at Varno was blown up on Tuesday",
        );
        let d = kelmar(
            "one",
            "Kelmari forces did not blow up the dam at Varno on Tuesday",
        );
        assert!(!matches!(verdict(&c, &d, 2), Some(Verdict::Contradicts(_))));
    }
}
