//! Rejections of an account: contents that dismiss what the other side says ("its baseless
//! accusations against Moscow", "a circus show", "another political information campaign,
//! based on a provocation", "nonsense", "denied all the allegations"). Such a content
//! names no deed of its own, yet it answers every account that blames the party it
//! defends, whatever words that account uses: it is read as a denial of that party's part.

use super::{Assertion, Party, Predicate};
use crate::attribution::Stance;
use crate::claims::predicates::PredicateClass;
use crate::claims::words::ACCOUNTS;

/// Nouns of an account a rejection can answer besides those of
/// [`crate::claims::words::ACCOUNTS`], which a claim reports on: one's own "assessment" is
/// no account told of, but another's can be rejected.
const REJECTED_ACCOUNTS: &[&str] = &[
    "assertions",
    "assessment",
    "charges",
    "insinuations",
    "suggestion",
    "suggestions",
];

/// Nouns that judge an account false, staged or worthless: "a circus show", "lies",
/// "a provocation".
const DISMISSIVE: &[&str] = &[
    "absurdity",
    "circus",
    "disinformation",
    "fabrication",
    "fabrications",
    "farce",
    "fiction",
    "hoax",
    "hysteria",
    "lies",
    "nonsense",
    "propaganda",
    "provocation",
    "provocations",
    "rubbish",
    "slander",
    "smear",
];

/// Adjectives that judge an account false or worthless, when they qualify one ("hollow
/// accusations", "the accusations are groundless"): alone ("fake passports") they judge
/// something else.
const DISMISSIVE_OF_ACCOUNT: &[&str] = &[
    "absurd",
    "baseless",
    "bogus",
    "fabricated",
    "fake",
    "false",
    "groundless",
    "hollow",
    "insane",
    "nonsensical",
    "preposterous",
    "ridiculous",
    "slanderous",
    "spurious",
    "unfounded",
    "unsubstantiated",
];

/// How near an account a word of [`DISMISSIVE_OF_ACCOUNT`] must stand, before or after.
const OF_ACCOUNT_REACH: usize = 4;

/// Two words that together judge an account staged: "an information campaign", "a witch
/// hunt", "politically motivated".
const DISMISSIVE_PAIRS: &[(&str, &str)] = &[
    ("information", "campaign"),
    ("witch", "hunt"),
    ("politically", "motivated"),
    ("political", "order"),
    ("without", "foundation"),
    ("on", "assumptions"),
];

/// Words after "lies" that make it a verb of place ("lies in", "lies with").
const LIES_VERB: &[&str] = &["in", "with", "on", "at", "ahead", "behind", "between"];

/// Words before which a party is the one an account is aimed at: "accusations against
/// Moscow".
const AIMED: &[&str] = &["against", "towards", "toward"];

/// How far after a word of rejection a party may stand to be the one it defends.
const AIMED_REACH: usize = 5;

/// The lemma a rejection is shown with.
const LEMMA: &str = "reject the accusations";

/// A content that rejects an account, and the party it defends when one is known.
pub(super) struct Rejection {
    defended: Option<Party>,
    /// The defended party is named: the account is aimed at it ("against Moscow") or
    /// blames it for the deed the content names.
    named: bool,
}

/// True when the word at `k` is a noun of an account ([`ACCOUNTS`],
/// [`REJECTED_ACCOUNTS`]).
fn account_at(lows: &[String], k: usize) -> bool {
    let w = lows[k].as_str();
    ACCOUNTS.contains(&w) || REJECTED_ACCOUNTS.contains(&w)
}

/// The word at `k` judges an account: a word of [`DISMISSIVE`], the first of a pair of
/// [`DISMISSIVE_PAIRS`], or a word of [`DISMISSIVE_OF_ACCOUNT`] near a noun of an account.
fn dismissive_at(lows: &[String], k: usize) -> bool {
    let w = lows[k].as_str();
    let next = lows.get(k + 1).map(String::as_str);
    if w == "lies" && next.is_some_and(|n| LIES_VERB.contains(&n)) {
        return false;
    }
    let near_account = || {
        (k.saturating_sub(OF_ACCOUNT_REACH)..(k + OF_ACCOUNT_REACH + 1).min(lows.len()))
            .any(|m| account_at(lows, m))
    };
    DISMISSIVE.contains(&w)
        || DISMISSIVE_PAIRS
            .iter()
            .any(|(a, b)| *a == w && next == Some(*b))
        || (DISMISSIVE_OF_ACCOUNT.contains(&w) && near_account())
}

/// Reads a rejection from a content's words (`lows`, lower case), the parties found in
/// them (`found`: start and end word and the party) and the claim's stance and speaker's
/// party (`own`, made only when needed; none for an article's voice or an unknown
/// speaker). `deed` is the
/// culprit the content names for the deed it speaks of, if any ("the claims that Kelmar
/// blew up the dam are lies" defends Kelmar).
pub(super) fn read(
    lows: &[String],
    found: &[(usize, usize, Party)],
    stance: Stance,
    deed: Option<&Party>,
    own: impl FnOnce() -> Option<Party>,
) -> Option<Rejection> {
    let judged = (0..lows.len()).find(|&k| dismissive_at(lows, k));
    let account = (0..lows.len()).find(|&k| account_at(lows, k));
    let at = judged.or_else(|| account.filter(|_| stance == Stance::Deny))?;
    // the party an account is aimed at, after "against" near a word of the account or
    // of its rejection
    let aimed = |from: usize| {
        (from..(from + AIMED_REACH).min(lows.len()))
            .find(|&k| AIMED.contains(&lows[k].as_str()))
            .and_then(|k| found.iter().find(|(s, _, _)| *s > k && *s <= k + 2))
            .map(|(_, _, p)| p.clone())
    };
    let named = aimed(at)
        .or_else(|| account.and_then(aimed))
        .or_else(|| deed.cloned());
    Some(Rejection {
        named: named.is_some(),
        defended: named.or_else(own),
    })
}

impl Rejection {
    /// Makes `a` the rejection of the account. A content that names a deed no party is
    /// blamed for ("bogus claims that the virus came from a laboratory") denies that
    /// deed. Otherwise it denies the defended party's part: the predicate of
    /// responsibility, with no theme of its own, so that it answers any account of that
    /// party's deed ("its baseless accusations against Moscow", "a circus show").
    pub(super) fn apply(self, a: &mut Assertion) {
        a.rejects = true;
        a.negative = true;
        a.denies_event = true;
        a.unsettled = false;
        a.within_account = false;
        a.any_party = false;
        if a.predicate.is_some() && !self.named {
            return;
        }
        a.predicate = Some(Predicate {
            lemma: LEMMA,
            class: PredicateClass::Responsible,
        });
        a.agent = self.defended;
        a.theme.clear();
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::Stance;
    use crate::claims::meaning::tests::said;
    use crate::claims::meaning::Assertion;
    use crate::claims::predicates::PredicateClass;

    fn kelmar(text: &str) -> Assertion {
        said("kelmar-government", "Kelmari state", Stance::Assert, text)
    }

    #[test]
    fn a_dismissal_denies_the_part_of_the_party_it_defends() {
        let a = kelmar("it is a circus show, another information campaign based on a provocation");
        assert!(a.rejects && a.negative && a.denies_event, "{a:?}");
        assert_eq!(a.class(), Some(PredicateClass::Responsible));
        assert_eq!(a.agent.as_ref().unwrap().id, "Kelmari state");
        assert!(a.theme.is_empty(), "a rejection answers any account: {a:?}");
        // the party the account is aimed at, whoever speaks
        let b = said(
            "observers",
            "observers",
            Stance::Assert,
            "London must apologise for its baseless accusations against Ostland",
        );
        assert!(b.rejects);
        assert_eq!(b.agent.as_ref().unwrap().id, "Ostlandic state");
        // a denial of the allegations, in no other words
        let c = said(
            "kelmar-government",
            "Kelmari state",
            Stance::Deny,
            "all the allegations",
        );
        assert!(c.rejects && c.negative);
        assert_eq!(c.agent.as_ref().unwrap().id, "Kelmari state");
    }

    #[test]
    fn words_of_judgement_reject_only_an_account() {
        // an adjective judges an account only beside one
        assert!(!kelmar("the men travelled on fake passports to Varno").rejects);
        assert!(kelmar("the accusations are groundless").rejects);
        assert!(kelmar("the hollow accusations").rejects);
        // "assumptions" rejects as the ground of a case, not as a word of method
        assert!(kelmar("this whole case is based on assumptions").rejects);
        assert!(!kelmar("both hypotheses rely on significant assumptions").rejects);
        // "lies" as a verb of place
        assert!(!kelmar("the answer lies with the investigators").rejects);
        assert!(kelmar("they use flagrant lies against Kelmar").rejects);
        // a plain assertion is none
        let a = kelmar("the Ostlandic army blew up the dam at Varno");
        assert!(!a.rejects && !a.negative);
    }

    #[test]
    fn a_rejected_account_of_a_deed_keeps_its_deed_and_party() {
        // no party is blamed: the rejection denies the deed itself, in its own words
        let a = kelmar("bogus claims that the virus leaked from a laboratory at Varno");
        assert!(a.rejects && a.negative, "{a:?}");
        assert_eq!(a.class(), Some(PredicateClass::Leak));
        assert!(a.agent.is_none());
        assert!(!a.theme.is_empty());
        // the account blames a party: the rejection defends that party
        let b = kelmar("the claims that the Ostlandic army blew up the dam are lies");
        assert!(b.rejects && b.negative);
        assert_eq!(b.agent.as_ref().unwrap().id, "Ostlandic state");
    }
}
