//! Words, sentences and cue lexicons of the stance model.
//!
//! A text becomes a sequence of terms: the project's word tokens, lower-cased, function
//! words ([`crate::text::tokens::FUNCTION_WORDS`]) dropped, stemmed with [`crate::text::tokens::stem`], and each term hashed to 64
//! bits (FNV-1a) so that sets and tables do not hold strings. Cue words are looked up on
//! the lower-cased word before stemming.

use crate::text::tokens::{is_function_word, normalize_word, stem, words};
use crate::text::Span;

/// The cue groups counted in headlines and bodies, in feature order.
pub const GROUPS: usize = 4;

/// Words that call a claim false or deny it (the official baseline's refuting words and
/// more of their kind).
const REFUTE: &[&str] = &[
    "baseless",
    "bogus",
    "debunk",
    "debunked",
    "debunking",
    "debunks",
    "denial",
    "denied",
    "denies",
    "deny",
    "denying",
    "discredited",
    "dismissed",
    "doctored",
    "erroneous",
    "fabricated",
    "fabrication",
    "fake",
    "faked",
    "false",
    "falsely",
    "fraud",
    "hoax",
    "hoaxes",
    "incorrect",
    "lie",
    "lied",
    "lies",
    "misleading",
    "myth",
    "nonsense",
    "parody",
    "photoshopped",
    "prank",
    "pranks",
    "refute",
    "refuted",
    "refutes",
    "rejected",
    "retract",
    "retracted",
    "retraction",
    "satire",
    "satirical",
    "spoof",
    "unfounded",
    "untrue",
];

/// Negations and doubt.
const NEGATION: &[&str] = &[
    "despite", "doubt", "doubtful", "doubts", "neither", "never", "no", "none", "nope", "nor",
    "not", "nothing", "without",
];

/// Hedges and reporting words: the claim is discussed, not settled.
const HEDGE: &[&str] = &[
    "according",
    "alleged",
    "allegedly",
    "apparently",
    "appears",
    "believed",
    "claim",
    "claimed",
    "claims",
    "could",
    "may",
    "might",
    "possibly",
    "purported",
    "purportedly",
    "reportedly",
    "rumor",
    "rumored",
    "rumors",
    "rumour",
    "rumoured",
    "rumours",
    "seems",
    "speculation",
    "suggests",
    "unclear",
    "unconfirmed",
    "unverified",
];

/// Words that settle a claim as true.
const CONFIRM: &[&str] = &[
    "announced",
    "confirm",
    "confirmed",
    "confirms",
    "evidence",
    "indeed",
    "officially",
    "proof",
    "proved",
    "proven",
    "revealed",
    "shows",
    "verified",
];

/// The official baseline's refuting words, for its polarity feature.
const BASELINE_REFUTE: &[&str] = &[
    "bogus", "debunk", "denies", "deny", "despite", "doubt", "doubts", "fake", "false", "fraud",
    "hoax", "nope", "not", "pranks", "retract",
];

/// FNV-1a hash of a term.
pub fn hash(term: &str) -> u64 {
    crate::text::fnv1a(term.as_bytes())
}

/// Hash of two consecutive term hashes (a bigram) or more.
pub fn combine(a: u64, b: u64) -> u64 {
    (a ^ b.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (a >> 29)
}

/// One word of a text, for the stance features.
#[derive(Clone, Debug)]
pub struct Word {
    /// Hash of the stem, or `None` for a function word.
    pub term: Option<u64>,
    /// The stem, for content words (kept while building a vocabulary).
    pub stem: Option<String>,
    /// Bit `g` set when the word is in cue group `g` (refute, negation, hedge, confirm).
    pub groups: u8,
    /// True when the word is one of the official baseline's refuting words.
    pub baseline_refute: bool,
    /// Index of the sentence the word is in.
    pub sentence: u32,
}

/// The cue groups a lower-cased word belongs to, as bits.
fn groups_of(w: &str) -> u8 {
    let mut g = 0u8;
    if REFUTE.binary_search(&w).is_ok() {
        g |= 1;
    }
    if NEGATION.binary_search(&w).is_ok() || w.ends_with("n't") {
        g |= 2;
    }
    if HEDGE.binary_search(&w).is_ok() {
        g |= 4;
    }
    if CONFIRM.binary_search(&w).is_ok() {
        g |= 8;
    }
    g
}

/// True when the text between two words ends a sentence: a full stop, question or
/// exclamation mark, or a line break.
fn ends_sentence(gap: &str) -> bool {
    gap.contains(['.', '!', '?', '\n'])
}

/// The words of `text`, with their terms, cue groups and sentence numbers.
pub fn analyse(text: &str) -> Vec<Word> {
    let toks = words(text, Span::new(0, text.len()));
    let mut out = Vec::with_capacity(toks.len());
    let mut sentence = 0u32;
    let mut last_end = 0usize;
    for t in &toks {
        if !out.is_empty() && ends_sentence(&text[last_end..t.span.start]) {
            sentence += 1;
        }
        last_end = t.span.end;
        let norm = normalize_word(t.text);
        let groups = groups_of(&norm);
        let baseline_refute = BASELINE_REFUTE.binary_search(&norm.as_str()).is_ok();
        let (term, stem) = if is_function_word(&norm) {
            (None, None)
        } else {
            let s = stem(&norm);
            (Some(hash(&s)), Some(s))
        };
        out.push(Word {
            term,
            stem,
            groups,
            baseline_refute,
            sentence,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_are_sorted() {
        for list in [REFUTE, NEGATION, HEDGE, CONFIRM, BASELINE_REFUTE] {
            let mut s = list.to_vec();
            s.sort_unstable();
            assert_eq!(s, list);
        }
    }

    #[test]
    fn words_terms_groups_and_sentences() {
        let w = analyse("The video is a HOAX. Police didn't confirm\nit, reportedly.");
        let terms: Vec<bool> = w.iter().map(|w| w.term.is_some()).collect();
        // the, is, a and it are function words
        assert_eq!(
            terms,
            [false, true, false, false, true, true, true, true, false, true]
        );
        assert_eq!(w[4].groups, 1);
        assert_eq!(w[6].groups, 2);
        assert_eq!(w[7].groups, 8);
        assert_eq!(w[9].groups, 4);
        let sentences: Vec<u32> = w.iter().map(|w| w.sentence).collect();
        assert_eq!(sentences, [0, 0, 0, 0, 0, 1, 1, 1, 2, 2]);
        assert_eq!(w[1].term, Some(hash("video")));
        assert!(w[4].baseline_refute);
    }
}
