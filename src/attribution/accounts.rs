//! Accounts named inside a content with a verb of their own: "Mao pushed back at *a report
//! from the U.S. Department of Energy that assessed with low confidence that the virus
//! leaked from a laboratory*". Such a content holds two voices: the speaker's answer and
//! the account it answers. The account becomes an attribution of its own (its holder, its
//! verb, the clause), and the answer keeps the words that name the account, so that
//! neither side is read as the other's. A clause straight after the noun ("rejected claims
//! that its forces shelled the town") is what the answer denies, and stays its content;
//! when a possessive names whose account it is ("rejected the Courier's claim that ...",
//! "to back up its claim that ..."), the account is also its holder's attribution.

use super::{Attribution, AttributionKind, Stance};
use crate::corpus::Article;
use crate::text::stream::Token;
use crate::text::Span;

/// Nouns of an account that can give a clause by a verb of its own ("a report that
/// assessed that ...").
const ACCOUNT_NOUNS: &[&str] = &[
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "assessment",
    "assertion",
    "assertions",
    "claim",
    "claims",
    "report",
    "reports",
    "suggestion",
    "suggestions",
];

/// Nouns of [`ACCOUNT_NOUNS`] that accuse.
const ACCUSING: &[&str] = &["accusation", "accusations", "allegation", "allegations"];

/// Verbs by which an account gives its clause ("a report that assessed that ...").
const ACCOUNT_VERBS: &[&str] = &[
    "alleged",
    "argued",
    "assessed",
    "asserted",
    "claimed",
    "concluded",
    "determined",
    "found",
    "said",
    "stated",
    "suggested",
];

/// Cue lemmas of an answer that rejects the account it names.
const REJECTING: &[&str] = &[
    "criticis",
    "criticiz",
    "deny",
    "denied",
    "dismiss",
    "dispute",
    "pushed back",
    "push back",
    "refute",
    "reject",
    "slam",
];

/// Words before the account's noun that may open the content: the rest of the cue ("pushed
/// back at", "responded to") and determiners.
const OPENERS: &[&str] = &[
    "a", "an", "any", "at", "the", "these", "those", "this", "to", "new", "recent", "latest",
];

/// How many words the account's noun may stand from the start of the content, and its
/// holder and clause from the noun.
const NOUN_REACH: usize = 4;
const THAT_REACH: usize = 10;

/// An account found in a content: its holder's words, the verb that gives it, what lies
/// between that and the clause, and the clause.
struct Account {
    holder: Vec<Span>,
    cue: Span,
    modifiers: Vec<Span>,
    clause: Span,
    /// Where the answer's content ends: before the account's "that".
    answer_end: usize,
    accusing: bool,
}

/// Reads an account at the start of `content`: an optional opener, the noun, the holder
/// ("from X", "by X", or the name before the noun, "the U.S. report"), then "that",
/// a verb of [`ACCOUNT_VERBS`], words, "that" and the clause.
fn read(article: &Article, content: Span) -> Option<Account> {
    let stream = article.tokens();
    let words: Vec<&Token> = stream.words_within(content).collect();
    let low = |k: usize| stream.lower(words[k]);
    let noun = (0..words.len().min(NOUN_REACH + 1)).find(|&k| ACCOUNT_NOUNS.contains(&low(k)))?;
    // only openers and names before the noun: "the U.S. suggestions", not "the dam that"
    let text = article.text.as_str();
    let named = |k: usize| words[k].span.slice(text).starts_with(char::is_uppercase);
    if !(0..noun).all(|k| OPENERS.contains(&low(k)) || named(k)) {
        return None;
    }
    let that = (noun + 1..words.len().min(noun + 1 + THAT_REACH)).find(|&k| low(k) == "that")?;
    // the clause is the account's when nothing stands between but its holder: not
    // "Bellingcat's claim, saying on Facebook that ...", nor "the assessment also goes
    // further in finding that ..."
    let between = &text[words[noun].span.end..words[that].span.start];
    let holder_only = that == noun + 1 || matches!(low(noun + 1), "from" | "by");
    if between.contains([',', ';', ':', '—', '–', '(']) || !holder_only {
        return None;
    }
    let after = that + 1;
    if after >= words.len() {
        return None;
    }
    // "a report that assessed with low confidence that the virus ...": the account's own
    // verb gives the clause. A clause straight after the noun ("dismissed suggestions
    // that ...") is what the answer itself denies, and stays its content.
    if !ACCOUNT_VERBS.contains(&low(after)) {
        return None;
    }
    let second = (after + 1..words.len().min(after + 1 + THAT_REACH))
        .find(|&k| low(k) == "that")
        .filter(|k| k + 1 < words.len())?;
    let between = (after + 1 < second)
        .then(|| Span::new(words[after + 1].span.start, words[second - 1].span.end));
    let (cue, modifiers, clause_from) =
        (words[after].span, between.into_iter().collect(), second + 1);
    let clause = Span::new(words[clause_from].span.start, content.end).trim(text);
    // the holder: after "from" or "by" between the noun and "that", else the names
    // before the noun
    let holder = (noun + 1..that)
        .find(|&k| matches!(low(k), "from" | "by"))
        .filter(|k| k + 1 < that)
        .map(|k| Span::new(words[k + 1].span.start, words[that - 1].span.end))
        .or_else(|| {
            let first = (0..noun).find(|&k| named(k))?;
            Some(Span::new(words[first].span.start, words[noun - 1].span.end))
        });
    Some(Account {
        holder: holder.into_iter().collect(),
        cue,
        modifiers,
        clause,
        answer_end: words[that - 1].span.end,
        accusing: ACCUSING.contains(&low(noun)),
    })
}

/// Reads an account its holder's possessive names anywhere in `content`: "the Courier's
/// claim that ...", "to back up its claim that ...". The holder is the name before "'s",
/// or for "its" and "their" the nearest name before in the content; the cue is the noun,
/// the clause what follows its "that". The answer keeps its content whole: the clause is
/// also what it speaks of.
fn read_possessive(article: &Article, content: Span) -> Option<Account> {
    let stream = article.tokens();
    let text = article.text.as_str();
    let words: Vec<&Token> = stream.words_within(content).collect();
    let low = |k: usize| stream.lower(words[k]);
    let named = |k: usize| words[k].span.slice(text).starts_with(char::is_uppercase);
    let noun = (1..words.len().saturating_sub(POSSESSIVE_CLAUSE_WORDS + 1)).find(|&k| {
        ACCOUNT_NOUNS.contains(&low(k)) && low(k + 1) == "that" && {
            let p = words[k - 1].span.slice(text);
            p.ends_with("'s") || p.ends_with("’s") || matches!(low(k - 1), "its" | "their")
        }
    })?;
    let p = noun - 1;
    // the first word of the run of names that ends at word `last`
    let run_from = |last: usize| (0..=last).rev().take_while(|&k| named(k)).last();
    let holder = if matches!(low(p), "its" | "their") {
        // the nearest run of names before the pronoun
        let last = (0..p).rev().find(|&k| named(k))?;
        let first = run_from(last)?;
        Span::new(words[first].span.start, words[last].span.end)
    } else {
        // the possessive as its own token ("Courier" "'s") or at the end of the name
        let word = words[p].span.slice(text);
        let suffix = if word.ends_with("’s") { "’s" } else { "'s" };
        let last = if word == suffix { p.checked_sub(1)? } else { p };
        let first = run_from(last)?;
        let end = if last == p {
            words[p].span.end - suffix.len()
        } else {
            words[last].span.end
        };
        Span::new(words[first].span.start, end)
    };
    if holder.is_empty() {
        return None;
    }
    let clause = Span::new(words[noun + 2].span.start, content.end).trim(text);
    Some(Account {
        holder: vec![holder],
        cue: words[noun].span,
        modifiers: Vec::new(),
        clause,
        answer_end: content.end,
        accusing: ACCUSING.contains(&low(noun)),
    })
}

/// Fewest words of a clause after a possessive account's "that".
const POSSESSIVE_CLAUSE_WORDS: usize = 3;

/// True when an attribution can answer an account inside its content: someone's words (not
/// the article's own voice, not a quotation), not passed on by another attribution.
fn answers(a: &Attribution) -> bool {
    matches!(a.kind, AttributionKind::Indirect | AttributionKind::Mixed)
        && !a.relays
        && a.content.len() == 1
}

/// The attribution of an account found in the content of `answer`.
fn account_of(answer: &Attribution, acc: Account, text: &str) -> Attribution {
    Attribution {
        sentence: answer.sentence,
        kind: AttributionKind::Indirect,
        source: acc.holder,
        head: None,
        antecedent: None,
        cue: vec![acc.cue],
        cue_lemma: acc.cue.slice(text).to_lowercase(),
        stance: if acc.accusing {
            Stance::Accuse
        } else {
            Stance::Assert
        },
        content: vec![acc.clause],
        modifiers: acc.modifiers,
        via: Vec::new(),
        affiliation: None,
        relays: false,
    }
}

/// Splits every account named at the start of a content into an attribution of its own,
/// placed after the answer, and cuts the answer's content before the account's clause; an
/// account a possessive names anywhere in a content ([`read_possessive`]) is added the
/// same way, the answer's content left whole.
pub(super) fn split(article: &Article, out: &mut Vec<Attribution>) {
    let mut added: Vec<(usize, Attribution)> = Vec::new();
    for (i, a) in out.iter_mut().enumerate() {
        if !answers(a) {
            continue;
        }
        let text = article.text.as_str();
        if let Some(acc) = read(article, a.content[0]) {
            a.content[0] = Span::new(a.content[0].start, acc.answer_end).trim(text);
            // "pushed back at", "criticised" a report: an answer that rejects the account
            if REJECTING.iter().any(|r| a.cue_lemma.starts_with(r)) {
                a.stance = Stance::Deny;
            }
            added.push((i, account_of(a, acc, text)));
        } else if let Some(acc) = read_possessive(article, a.content[0]) {
            added.push((i, account_of(a, acc, text)));
        }
    }
    // each account right after its answer, in one pass
    if added.is_empty() {
        return;
    }
    let old = std::mem::take(out);
    let mut next = added.into_iter().peekable();
    for (i, a) in old.into_iter().enumerate() {
        out.push(a);
        while let Some((_, acc)) = next.next_if(|(k, _)| *k == i) {
            out.push(acc);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::gazetteer;
    use crate::attribution::{extract, Stance};
    use crate::corpus::Article;

    /// (source, cue, stance, content) of each attribution of `text`.
    fn found(text: &str) -> Vec<(String, String, Stance, String)> {
        let article = Article::new("t", text);
        let t = article.text.as_str();
        let join =
            |v: &[crate::text::Span]| v.iter().map(|s| s.slice(t)).collect::<Vec<_>>().join(" ");
        extract(&article, &gazetteer())
            .into_iter()
            .map(|a| (join(&a.source), join(&a.cue), a.stance, join(&a.content)))
            .collect()
    }

    #[test]
    fn an_account_with_its_own_verb_becomes_its_holders_attribution() {
        let got = found(
            "The ministry dismissed a report from the Harbour Guild that concluded with \
             low confidence that the dam had been weakened by neglect.",
        );
        let answer = got.iter().find(|g| g.0 == "The ministry");
        let answer = answer.unwrap_or_else(|| panic!("{got:?}"));
        assert_eq!(answer.2, Stance::Deny, "{got:?}");
        assert!(
            answer.3.ends_with("a report from the Harbour Guild"),
            "{got:?}"
        );
        assert!(!answer.3.contains("neglect"), "{got:?}");
        let account = got.iter().find(|g| g.0 == "the Harbour Guild").unwrap();
        assert_eq!(account.1, "concluded");
        assert_eq!(account.3, "the dam had been weakened by neglect");
    }

    #[test]
    fn an_account_a_possessive_names_is_also_its_holders() {
        let got =
            found("The guild rejected the Courier's claim that the port was closed to ships.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].2, Stance::Deny, "{got:?}");
        assert!(
            got[0].3.ends_with("the port was closed to ships"),
            "{got:?}"
        );
        assert_eq!(
            (got[1].0.as_str(), got[1].1.as_str(), got[1].3.as_str()),
            ("Courier", "claim", "the port was closed to ships"),
            "{got:?}"
        );
        // "its": the nearest name before it, anywhere in the content
        let got = found(
            "The official also challenged Tarsk to release its images to back up its \
             allegation that rebels sank the ferry.",
        );
        let account = got.iter().find(|g| g.1 == "allegation");
        let account = account.unwrap_or_else(|| panic!("{got:?}"));
        assert_eq!((account.0.as_str(), account.2), ("Tarsk", Stance::Accuse));
        assert_eq!(account.3, "rebels sank the ferry");
        // no name before "its", or too short a clause: no account
        let got = found("The guild rejected its claim that it lied.");
        assert!(got.iter().all(|g| g.1 != "claim"), "{got:?}");
    }

    #[test]
    fn a_clause_of_the_noun_stays_what_the_answer_denies() {
        // "claims that ..." is the matter denied: one attribution, its content whole
        let got = found("The ministry rejected claims that the wells were poisoned.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].3.contains("the wells were poisoned"), "{got:?}");
        // a clause that is not the account's: "..., saying on the radio that ..."
        let got = found(
            "The ministry rejected the guild's claim, saying on the radio that it was a provocation.",
        );
        assert!(got.iter().all(|g| g.1 != "claim"), "{got:?}");
    }
}
