//! Where the content of a cue starts and ends: the frame between the cue and its content
//! ("said in a statement on Tuesday that"), the next cue's frame that ends it, the content
//! span trimmed of the frame's marks, and its kind (direct, indirect, mixed).

use super::cue_finder::CueHit;
use super::lexicon::*;
use super::phrases::{np_before, span_of};
use super::tokens::Tok;
use super::AttributionKind;
use crate::text::Span;

/// Does token `k` open a quotation (a quotation mark followed by quoted words)?
pub(super) fn opens_quote(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.is_mark(&['“', '"', '\'']))
        && toks.get(k + 1).is_some_and(|n| n.quoted || n.is("'"))
}

/// The content span of tokens `s..e`, trimmed of marks that belong to the frame (commas,
/// colons, the final stop) but keeping quotation marks.
pub(super) fn content_span(text: &str, toks: &[Tok], s: usize, e: usize) -> Option<Span> {
    let mut s = s;
    let mut e = e;
    while s < e && toks[s].is_mark(&[',', ':', ';', '—', '–', '-']) {
        s += 1;
    }
    while e > s && toks[e - 1].is_mark(&[',', ':', ';', '.', '—', '–', '-']) {
        e -= 1;
    }
    if s >= e || !toks[s..e].iter().any(|t| t.word) {
        return None;
    }
    Some(span_of(toks, s, e).trim(text))
}

/// Direct when every word of the content is quoted, mixed when some are, indirect
/// otherwise.
pub(super) fn kind_of(toks: &[Tok], content: &[Span]) -> AttributionKind {
    let words: Vec<&Tok> = toks
        .iter()
        .filter(|t| t.word && content.iter().any(|c| c.contains(t.span)))
        .collect();
    let quoted = words.iter().filter(|t| t.quoted).count();
    if quoted == 0 {
        AttributionKind::Indirect
    } else if quoted == words.len() {
        AttributionKind::Direct
    } else {
        AttributionKind::Mixed
    }
}

/// Where the frame of cue `hit` starts: the cue, after auxiliaries and adverbs before it.
pub(super) fn frame_start(toks: &[Tok], hit: &CueHit) -> usize {
    let mut j = hit.start;
    while j > 0
        && toks[j - 1].word
        && (in_list(BETWEEN, &toks[j - 1].lower)
            || (toks[j - 1].lower.ends_with("ly") && !toks[j - 1].capitalised()))
    {
        j -= 1;
    }
    j
}

/// Where the content of a cue must end because the next cue's frame begins: "... and noted
/// that", "..., adding that", "..., Reuters said".
pub(super) fn content_end(toks: &[Tok], from: usize, next: Option<&CueHit>) -> usize {
    let Some(n) = next else {
        return toks.len();
    };
    let k = frame_start(toks, n);
    if k <= from {
        return toks.len();
    }
    if toks[k - 1].is("and") {
        return k - 1;
    }
    let words_before = toks[from..k - 1]
        .iter()
        .filter(|t| t.word && !t.is("that"))
        .count();
    // "..., adding that", "..., according to", "..., said one voter"
    if toks[k - 1].is(",") && words_before >= 2 {
        return k - 1;
    }
    if n.according && words_before >= 2 {
        return n.start;
    }
    if let Some((s, _)) = np_before(toks, k) {
        if s > from && toks[s - 1].is(",") {
            return s - 1;
        }
        // "X said ... and a guild official said ...": a clause of its own, with its own
        // subject; not two nouns joined ("X said Lind and Marsh denied it")
        let subject = toks[s].capitalised() || in_list(DETERMINERS, &toks[s].lower);
        let joined = s > from + 1 && (toks[s - 1].is("and") || toks[s - 1].is("but"));
        let noun_before = np_before(toks, s - 1).is_some_and(|(b, _)| b <= from);
        if joined && subject && !noun_before {
            return s - 1;
        }
    }
    toks.len()
}

/// Skips the frame between a cue and its content: "in a statement on Tuesday that",
/// "told reporters:", "Wednesday that". Returns where the content starts, if the frame
/// leads to "that", a colon or a quotation.
pub(super) fn skip_frame(toks: &[Tok], c: usize, end: usize) -> Option<usize> {
    if opens_quote(toks, c) {
        return None;
    }
    let mut k = c;
    while k < end && k - c <= 12 {
        let t = &toks[k];
        if t.word && t.is("that") && k > c {
            return Some(k + 1);
        }
        if t.is(":") && k > c {
            return Some(k + 1);
        }
        if opens_quote(toks, k) && k > c {
            // "noting the “kind of problems”": a quotation inside a noun phrase is content
            let np = toks[k - 1].word && in_list(DETERMINERS, &toks[k - 1].lower);
            return (!np).then_some(k);
        }
        let framey = if t.word {
            !t.quoted
                && (in_list(FRAME_WORDS, &t.lower)
                    || in_list(TIME_WORDS, &t.lower)
                    || t.capitalised()
                    || (t.lower.ends_with("ly") && t.lower.len() > 4)
                    || t.lower.chars().all(|c| c.is_ascii_digit()))
        } else {
            t.is(",") || t.is("’") || t.is("'")
        };
        if !framey {
            return None;
        }
        k += 1;
    }
    None
}

/// "said on Thursday during a speech in Ohio that ...": when the words after a cue open
/// with a preposition or an adverb of time, the content starts after the "that" that ends
/// them (within fifteen tokens, with no quotation or colon on the way).
pub(super) fn adjunct_then_that(toks: &[Tok], c: usize, end: usize) -> Option<usize> {
    let first = toks.get(c).filter(|t| t.word && !t.quoted)?;
    let adjunct = in_list(PREPOSITIONS, &first.lower)
        || in_list(TIME_WORDS, &first.lower)
        || (first.lower.ends_with("ly") && !first.capitalised());
    if !adjunct || first.is("that") {
        return None;
    }
    for (k, t) in toks.iter().enumerate().take(end.min(c + 16)).skip(c + 1) {
        // a mark or a participle ends the adjunct before any "that"; a word in -ing after
        // an article is a noun ("at a briefing")
        let noun = in_list(DETERMINERS, &toks[k - 1].lower);
        if t.quoted
            || (!t.word && !t.is(".") && !t.is("'") && !t.is("’"))
            || (t.word
                && t.lower.ends_with("ing")
                && !t.capitalised()
                && !noun
                && !in_list(PREPOSITIONS, &t.lower))
        {
            return None;
        }
        if t.is("that") {
            return Some(k + 1);
        }
    }
    None
}
