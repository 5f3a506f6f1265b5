//! Which sentence of a content speaks for the claim. A quotation of several sentences
//! ("We have been clear from the very beginning that ... . It is our assessment that Russia
//! was responsible for this brazen and reckless act") asserts one thing per sentence; the
//! claim is read as a whole when that reading says who did the deed, else by the first
//! sentence that does, else as a whole.

use super::{Assertion, Parties};
use crate::claims::Claim;
use crate::text::sentences::sentence_spans;
use crate::text::Span;

/// The joint between a content's fragments.
const JOIN: &str = " … ";

/// True when `a` says of a party that it did a deed that names a culprit (or denies it).
fn names_culprit(a: &Assertion) -> bool {
    a.agent.is_some() && a.class().is_some_and(|c| c.has_culprit())
}

/// Reads `claim` with `part` (which reads a text of the claim, rejections of accounts
/// only when told): a content of one sentence as it is; a longer one as a whole when that
/// names a culprit, else by its first sentence that does, else as a whole.
pub(super) fn read(
    claim: &Claim,
    parties: &Parties,
    part: impl Fn(&Claim, &str, &Parties, bool) -> Assertion,
) -> Assertion {
    let text = claim.text.as_str();
    let mut pieces: Vec<Span> = Vec::new();
    let mut from = 0;
    for (at, _) in text
        .match_indices(JOIN)
        .chain(std::iter::once((text.len(), "")))
    {
        pieces.extend(sentence_spans(text, Span::new(from, at)));
        from = (at + JOIN.len()).min(text.len());
    }
    if pieces.len() < 2 {
        return part(claim, text, parties, true);
    }
    let whole = part(claim, text, parties, false);
    if names_culprit(&whole) {
        return whole;
    }
    pieces
        .iter()
        .map(|s| part(claim, s.slice(text), parties, true))
        .find(names_culprit)
        .unwrap_or(whole)
}

#[cfg(test)]
mod tests {
    use crate::attribution::Stance;
    use crate::claims::meaning::tests::said;
    use crate::claims::predicates::PredicateClass;

    #[test]
    fn a_quotation_is_read_by_its_sentence_that_names_the_culprit() {
        let a = said(
            "uk",
            "Ostlandic state",
            Stance::Assert,
            "We have been clear that the substance was a military grade nerve agent. \
             It is our assessment that Kelmar was responsible for this reckless act.",
        );
        assert_eq!(a.class(), Some(PredicateClass::Responsible));
        assert_eq!(a.agent.as_ref().unwrap().id, "Kelmari state");
        assert!(!a.negative);
        // fragments joined in one content are read alike
        let b = said(
            "uk",
            "Ostlandic state",
            Stance::Assert,
            "the substance was a nerve agent … Kelmar was behind the attack",
        );
        assert_eq!(b.agent.as_ref().unwrap().id, "Kelmari state");
        // without a sentence that names one, the whole is read as before
        let c = said(
            "uk",
            "Ostlandic state",
            Stance::Assert,
            "The dam was breached. Water flooded the valley.",
        );
        assert!(c.agent.is_none());
        assert_eq!(c.class(), Some(PredicateClass::Destroy));
    }
}
