//! Whether a negation in a content has its predicate in scope: the one reading of
//! negation scope, used by what a claim asserts and by linking's view of a claim.

use crate::claims::predicates::{
    NEGATIONS, NEGATION_CONDITIONAL, NEGATION_UNDONE_BY_EARLIER, NEGATION_UNDONE_BY_NEXT,
};

/// True when a word (lower case) is a negation: one of the lexicon ([`NEGATIONS`]) or a
/// word ending in "n't".
pub fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(&word) || word.ends_with("n't")
}

/// True when a negation of the lexicon ([`NEGATIONS`], or a word ending in "n't") in
/// `lows` (a content's words, lower case) has the predicate at `predicate` in its scope: it
/// comes before it or just after it. Without a predicate, any negation of the statement
/// counts. A negation inside a condition or a relative clause ("if ... not", "plans that do
/// not"; the first negation after the clause's word), one undone by the next word ("not only", "no doubt"), and "without" after the
/// predicate ("struck without warning") are none.
pub fn negated(lows: &[String], predicate: Option<usize>) -> bool {
    if lows
        .iter()
        .any(|l| NEGATION_CONDITIONAL.contains(&l.as_str()))
    {
        return false;
    }
    let mut denies = false;
    // negations in a relative clause after one ("not much that happens that he is not
    // behind"): two negations make an assertion
    let mut in_clauses = 0;
    // a condition or relative clause takes the first negation after its word, not the
    // main clause's after it ("who was not named, was not part of it")
    let mut clause_from = 0;
    for (i, l) in lows.iter().enumerate() {
        if !is_negation(l) {
            continue;
        }
        let opens_clause = lows[clause_from..i]
            .iter()
            .any(|p| NEGATION_UNDONE_BY_EARLIER.contains(&p.as_str()));
        clause_from = i + 1;
        let in_scope = predicate.is_none_or(|p| i <= p + 2);
        let after_that = lows[i.saturating_sub(3)..i].iter().any(|p| p == "that");
        // "not to go" warns, but "nothing to do with" denies
        let to_do = l == "nothing" && lows.get(i + 2).is_some_and(|n| n == "do");
        let counts = in_scope
            && (to_do
                || !lows
                    .get(i + 1)
                    .is_some_and(|n| NEGATION_UNDONE_BY_NEXT.contains(&n.as_str())))
            && !opens_clause
            // "without" negates only a predicate after it
            && (l != "without" || predicate.is_none_or(|p| p >= i));
        if counts && !after_that {
            denies = true;
        } else if counts && denies {
            in_clauses += 1;
        }
    }
    denies && in_clauses % 2 == 0
}
