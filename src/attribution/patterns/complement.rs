//! The complement after the cue: "said (to Newsweek) (that) the dam would hold", "asked
//! (Clinton) whether ...", "told (the Courier) that ...". Who was spoken to is an
//! intermediary, not content.

use super::reading::Reading;
use super::{Cx, Said, Who};
use crate::attribution::content::opens_quote;
use crate::attribution::lexicon::*;
use crate::attribution::phrases::{np_after, span_of};
use crate::text::Span;

/// Applies when the complement can be the content (see [`Reading::after_ok`]).
pub(super) fn after(_: &Cx, _: &Who, r: &Reading) -> Option<Said> {
    r.after_ok.then_some(Said {
        content: Some((r.start, r.end)),
        ..Said::default()
    })
}

/// Whether the noun phrase `[s, e)` names an audience ("MPs", "the Security Council"):
/// its last word is a noun of [`AUDIENCE_NOUNS`].
fn audience(toks: &[crate::attribution::tokens::Tok], s: usize, e: usize) -> bool {
    toks[s..e]
        .iter()
        .rev()
        .find(|t| t.word)
        .is_some_and(|t| in_list(AUDIENCE_NOUNS, &t.lower))
}

/// Where the complement starts once who was spoken to, at token `c`, is passed ("said to
/// Newsweek", "told the Courier", "asked Clinton whether", "was quoted as saying by the
/// Courier"), and the intermediary named: an audience ("told MPs") is passed but is no
/// intermediary.
pub(super) fn past_listener(cx: &Cx, c: usize) -> (usize, Vec<Span>) {
    let (toks, hit) = (cx.toks, cx.hit);
    let mut c = c;
    let mut via = Vec::new();
    let says_to = in_list(SAY_TO_LEMMAS, &hit.lemma);
    if c < toks.len() && toks[c].is("to") && says_to {
        let s = c + 1;
        let named = toks.get(s).is_some_and(|t| t.capitalised())
            || (toks.get(s).is_some_and(|t| t.is("the"))
                && toks.get(s + 1).is_some_and(|t| t.capitalised()));
        if let (true, Some((s, e))) = (named, np_after(toks, s)) {
            if !audience(toks, s, e) {
                via.push(span_of(toks, s, e));
            }
            c = e;
        }
    } else if hit.lemma == "quote" && c < toks.len() && toks[c].is("by") {
        // "was quoted as saying by the Courier": who carries the words
        if let Some((s, e)) = np_after(toks, c + 1) {
            if !audience(toks, s, e) {
                via.push(span_of(toks, s, e));
            }
            c = e;
        }
    } else if hit.lemma == "ask" {
        // "asked Clinton whether ...": the person asked is not content
        let question = |k: usize| {
            toks.get(k).is_some_and(|t| {
                in_list(QUESTION_WORDS, &t.lower) || opens_quote(toks, k) || t.is(":")
            })
        };
        if !question(c) {
            if let Some((_, e)) = np_after(toks, c).filter(|&(_, e)| question(e)) {
                c = e;
            }
        }
    } else if hit.lemma == "tell" {
        if let Some((s, e)) = np_after(toks, c) {
            let named = toks[s].capitalised()
                || (toks[s].is("the") && toks.get(s + 1).is_some_and(|t| t.capitalised()));
            if named && !audience(toks, s, e) {
                via.push(span_of(toks, s, e));
            }
            c = e;
        }
    }
    (c, via)
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;
    use crate::attribution::AttributionKind;

    #[test]
    fn content_after_a_colon_or_that() {
        let g = one("The spokeswoman said: “No ship will leave tonight.”");
        assert_eq!(
            (g.source.as_str(), g.kind),
            ("The spokeswoman", AttributionKind::Direct)
        );
        let g = one("The ministry said in a statement that the wells were safe.");
        assert_eq!(g.cue, "said");
        assert_eq!(g.content, ["the wells were safe"]);
    }

    #[test]
    fn adjuncts_before_that_and_opening_adjuncts_are_not_content() {
        // an adjunct up to "that"
        let g = one("Tomas Berg said on Friday during a visit to the dam that it would hold.");
        assert_eq!(g.content, ["it would hold"]);
        // an opening adjunct is not content
        let g = one("For his part, Tomas Berg said the dam would hold.");
        assert_eq!(g.content, ["the dam would hold"]);
    }

    #[test]
    fn short_answers() {
        let g = one("Asked whether the dam was safe, 60 percent of farmers said yes.");
        assert_eq!(
            (g.source.as_str(), g.content[0].as_str()),
            ("60 percent of farmers", "yes")
        );
    }

    #[test]
    fn an_audience_is_no_intermediary() {
        let g = one("The minister told MPs that the plan was sound.");
        assert!(g.via.is_empty(), "{g:?}");
        assert_eq!(g.content, ["the plan was sound"]);
        let g = one("The envoy told the Security Council that the ceasefire held.");
        assert!(g.via.is_empty(), "{g:?}");
        // an outlet that carries the words still is one
        let g = one("The minister told the Valdera Courier that the plan was sound.");
        assert_eq!(g.via, ["the Valdera Courier"]);
    }

    #[test]
    fn mixed_quote_with_intermediary() {
        let g = one(
            "A Port Authority spokesperson said to the Valdera Courier there was \
             “no reason to close the harbour.”",
        );
        assert_eq!(g.kind, AttributionKind::Mixed);
        assert_eq!(g.source, "A Port Authority spokesperson");
        assert_eq!(g.via, ["the Valdera Courier"]);
        assert!(g.content[0].starts_with("there was “no reason"));
    }

    #[test]
    fn an_adjunct_before_that_is_not_content() {
        let cases = [
            "Tomas Berg said at a briefing in the capital on Tuesday that the pier was shut.",
            "The channel reports with reference to its own sources that the pier was shut.",
        ];
        for text in cases {
            let g = one(text);
            assert_eq!(g.content, ["the pier was shut"], "{text}: {g:#?}");
        }
    }

    #[test]
    fn two_speakers_joined_by_and_each_say_their_own() {
        let all = cited(
            "Tomas Berg said the pier was “blown to pieces” and a guild official said that \
             while the cause was unclear, a mine was probably responsible.",
        );
        assert_eq!(all.len(), 2, "{all:#?}");
        assert_eq!(
            all[0].content,
            ["the pier was “blown to pieces”"],
            "{all:#?}"
        );
        assert_eq!(all[1].source, "a guild official", "{all:#?}");
        assert_eq!(
            all[1].content,
            ["while the cause was unclear, a mine was probably responsible"],
            "{all:#?}"
        );
        assert!(all[1].via.is_empty() && all[0].via.is_empty(), "{all:#?}");
        // two names joined by "and" are one subject inside the content, not a new clause
        let all = cited("Tomas Berg said the guild and the port denied it.");
        let berg = all.iter().find(|g| g.source == "Tomas Berg").unwrap();
        assert!(berg.content[0].starts_with("the guild and"), "{all:#?}");
    }
}
