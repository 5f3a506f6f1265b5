//! What the words around a verb cue say about where its content is: the complement after
//! the cue (past who was spoken to and the frame: "said to Newsweek in a statement on
//! Tuesday that ...") and the words before the speaker. Read once per cue; the content
//! families of [`super::CONTENTS`] decide from it.

use super::{complement, Cx, Who};
use crate::attribution::content::{adjunct_then_that, content_end, opens_quote, skip_frame};
use crate::attribution::lexicon::*;
use crate::attribution::phrases::Range;
use crate::attribution::Stance;
use crate::text::Span;

/// The words around one verb cue.
pub(super) struct Reading {
    /// Where the complement after the cue starts.
    pub start: usize,
    /// Where it must end: the end of the sentence, or where the next cue's frame begins.
    pub end: usize,
    /// Intermediaries named between the cue and the complement ("said to Newsweek").
    pub via: Vec<Span>,
    /// The complement can be the content: two words or more (or a one-word answer), not an
    /// adjunct ("said on Friday during a visit"), not after a quotation that ends just
    /// before the speaker.
    pub after_ok: bool,
    /// Only an adjunct, or nothing, follows the cue.
    pub adjunct_after: bool,
    /// The tokens before the speaker, when the speaker does not open the sentence.
    pub before: Option<Range>,
    /// Words among them.
    pub before_words: usize,
    /// Some of them are quoted.
    pub before_quoted: bool,
    /// The speaker follows a comma and the sentence does not open with an adjunct
    /// ("…, EgyptAir said on Thursday").
    pub source_after_comma: bool,
    /// The sentence ends in a colon, perhaps before an opening quotation mark.
    pub ends_in_colon: bool,
    /// No word stands before the speaker, and the speaker is not the previous one's.
    pub nothing_before: bool,
    /// The speaker stands in a parenthesis opened by ", as" ("The pier, as the guild said,
    /// was closed"): the content is the clause around it.
    pub as_parenthesis: bool,
}

impl Reading {
    /// Reads the words around the cue of `cx`, whose speaker is `who`.
    pub fn new(cx: &Cx, who: &Who) -> Reading {
        let (toks, hit, j) = (cx.toks, cx.hit, cx.frame);
        let mut c = who.content_from.unwrap_or(hit.end);
        let mut after_comma = false;
        while c < toks.len() && toks[c].is_mark(&[',', ':']) {
            after_comma |= toks[c].is(",");
            c += 1;
        }
        let (after_listener, via) = complement::past_listener(cx, c);
        c = after_listener;
        let end = content_end(toks, c, cx.next);
        let mut time_skipped = false;
        if let Some(k) = skip_frame(toks, c, end) {
            c = k;
        } else if let Some(k) = adjunct_then_that(toks, c, end).filter(|_| !after_comma) {
            c = k;
        } else {
            while c < end && toks[c].word && in_list(TIME_WORDS, &toks[c].lower) {
                c += 1;
                time_skipped = true;
            }
        }
        while c < toks.len() && toks[c].is_mark(&[',', ':']) {
            after_comma |= toks[c].is(",");
            c += 1;
        }
        if c < end && toks[c].is("that") {
            c += 1;
        }
        if matches!(hit.stance, Stance::Warn)
            && c < end
            && (toks[c].is("of") || toks[c].is("about"))
        {
            c += 1;
        }
        let after_words = toks
            .get(c..end)
            .map_or(0, |ts| ts.iter().filter(|t| t.word).count());
        let directive = in_list(DIRECTIVE_LEMMAS, &hit.lemma);
        let first_after = toks
            .get(c)
            .filter(|t| t.word && !t.quoted && !t.capitalised());
        // "said, citing ...": a participle after a comma is an adjunct, not content
        let participle = first_after
            .is_some_and(|t| after_comma && t.lower.ends_with("ing") && t.lower != "nothing");
        let preposition = first_after.is_some_and(|t| {
            in_list(PREPOSITIONS, &t.lower)
                && !(directive && t.is("to"))
                && !matches!(hit.stance, Stance::RefuseToConfirm)
        });
        // "The pier, as the guild said on Monday, was closed": a speaker in a parenthesis
        // opened by "as" after a comma speaks the clause around it, when a comma, an
        // adjunct or the sentence's end closes the frame ("..., as the guild said repairs
        // would start" is a clause of time with a complement of its own)
        let closed = after_comma || time_skipped || preposition || participle || after_words == 0;
        let as_parenthesis = closed
            && who.source.is_some_and(|(s, _)| {
                s >= 2 && s < j && toks[s - 1].is("as") && toks[s - 2].is(",")
            });
        // trailing: "“...,” the spokesperson said." — content before the source
        let before = match who.source {
            Some((s, _)) if as_parenthesis => Some((0, s - 1)),
            Some((s, _)) if s < j => Some((0, s)),
            _ => None,
        };
        let before_words = before.map_or(0, |(s, e)| toks[s..e].iter().filter(|t| t.word).count());
        let before_quoted =
            before.is_some_and(|(s, e)| toks[s..e].iter().any(|t| t.word && t.quoted));
        // "“...,” X said ...": a quotation closed just before the speaker is the content,
        // unless "that" or another quotation follows the cue
        let quote_then_source = before.is_some_and(|(s, e)| {
            let words = toks[s..e].iter().filter(|t| t.word).count();
            let quoted = toks[s..e].iter().filter(|t| t.word && t.quoted).count();
            2 * quoted >= words
                && toks[s..e]
                    .iter()
                    .rev()
                    .find(|t| !t.is(","))
                    .is_some_and(|t| t.is_mark(&['”', '"', '\'']))
        });
        // "<content>, EgyptAir said on Thursday.": after a comma, a speaker whose cue is
        // followed only by an adjunct closes the sentence
        let adjunct_after = time_skipped || preposition || participle || after_words == 0;
        // ... unless what comes before is itself an opening adjunct ("For his part, X said")
        let opens_with_adjunct = before.is_some_and(|(s, _)| {
            toks[s..].iter().find(|t| t.word).is_some_and(|t| {
                in_list(INTRO_WORDS, &t.lower)
                    || in_list(PREPOSITIONS, &t.lower)
                    || in_list(TIME_WORDS, &t.lower)
                    || t.lower.ends_with("ing")
                    || t.lower.ends_with("ed")
            })
        });
        let source_after_comma = as_parenthesis
            || (!opens_with_adjunct
                && who
                    .source
                    .is_some_and(|(s, _)| s > 0 && toks[s - 1].is(",")));
        let said_that = hit.end < c && toks[c - 1].is("that") || opens_quote(toks, c);
        // "75 percent said yes", "half said so"
        let one_word_answer = after_words == 1
            && toks
                .get(c)
                .is_some_and(|t| in_list(SHORT_ANSWERS, &t.lower));
        let after_ok = !as_parenthesis
            && (after_words >= 2 || one_word_answer)
            && !participle
            && !(preposition && before_quoted && !said_that)
            && (!quote_then_source || said_that)
            && !(adjunct_after && source_after_comma && before_words >= 3);
        let ends_in_colon = toks
            .iter()
            .rev()
            .find(|t| !t.is_mark(&['“', '"', '\'']))
            .is_some_and(|t| t.is(":"));
        Reading {
            start: c,
            end,
            via,
            after_ok,
            adjunct_after: adjunct_after || as_parenthesis,
            before,
            before_words,
            before_quoted,
            source_after_comma,
            ends_in_colon,
            nothing_before: before_words == 0 && !who.inherit,
            as_parenthesis,
        }
    }
}
