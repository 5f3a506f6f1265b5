//! Content before the speaker: "“No ship will leave tonight,” the spokeswoman said.", "The
//! dam will hold until spring, the ministry said on Friday.", and the quotation that closes
//! the sentence before ("“The dam will hold!” / Tomas Berg said as he opened the gates.").
//! Content written around the frame goes on after it: "If she wins, Clinton suggested in a
//! tweet, women will ...".

use super::reading::Reading;
use super::{Cx, Said, Who};
use crate::attribution::cues;
use crate::attribution::lexicon::*;

/// Applies when a speaker opens the sentence, only an adjunct follows the cue, and a
/// quotation closes the sentence before.
pub(super) fn previous_quote(cx: &Cx, who: &Who, r: &Reading) -> Option<Said> {
    let q = cx.around.prev_quote?;
    (r.nothing_before && r.adjunct_after && who.source.is_some()).then_some(Said {
        neighbour: Some(q),
        ..Said::default()
    })
}

/// Applies when two words or more, or quoted words, stand before the speaker.
pub(super) fn before(cx: &Cx, _: &Who, r: &Reading) -> Option<Said> {
    // ("This, as the guild said, was ...": one word before the parenthesis is enough)
    let as_parenthesis = r.as_parenthesis && r.before_words >= 1;
    if !(r.before_words >= 2 || r.before_quoted || as_parenthesis) {
        return None;
    }
    let toks = cx.toks;
    let (c, end) = (r.start, r.end);
    let mut rest = None;
    // "If she wins, Clinton suggested in a tweet, women will ...": the content goes on
    // after the adjunct
    if r.source_after_comma && r.adjunct_after {
        // the comma that closes the frame: after its adjunct, or just before the
        // complement when nothing follows the cue ("as Mara Lind states, gave ...")
        let comma = (c..end)
            .find(|&k| toks[k].is(","))
            .or_else(|| (as_parenthesis && c > 0 && toks[c - 1].is(",")).then(|| c - 1));
        if let Some(k) = comma {
            let after = &toks[k + 1..end];
            let words = after.iter().filter(|t| t.word).count();
            let plain = after.first().is_some_and(|t| {
                t.word && !t.lower.ends_with("ing") && !in_list(PREPOSITIONS, &t.lower)
            });
            if words >= 3
                && plain
                && !after
                    .iter()
                    .any(|t| t.word && cues::lookup(t.text).is_some())
            {
                rest = Some((k + 1, end));
            }
        }
    }
    Some(Said {
        content: r.before,
        rest,
        ..Said::default()
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;
    use crate::attribution::AttributionKind;

    #[test]
    fn a_quotation_before_the_speaker() {
        let g = one("“No ship will leave tonight,” the spokeswoman said.");
        assert_eq!(g.source, "the spokeswoman");
        assert_eq!(g.content, ["“No ship will leave tonight,”"]);
        assert_eq!(g.kind, AttributionKind::Direct);
    }

    #[test]
    fn a_speaker_in_a_parenthesis_opened_by_as_speaks_the_clause_around_it() {
        let g = one("The pier, as the guild said on Monday, was closed for repairs.");
        assert_eq!(g.source, "the guild");
        assert_eq!(g.content, ["The pier", "was closed for repairs"]);
        let g = one("This, as Mara Lind states, gave Valdera a chance to hide the evidence.");
        assert_eq!((g.source.as_str(), g.cue.as_str()), ("Mara Lind", "states"));
        assert_eq!(
            g.content,
            ["This", "gave Valdera a chance to hide the evidence"]
        );
        // "as" of time, its cue with a complement of its own
        let g = one("The pier burned, as the guild said repairs would start in May.");
        assert_eq!(g.source, "the guild");
        assert_eq!(g.content, ["repairs would start in May"]);
    }

    #[test]
    fn content_before_the_speaker_not_the_adjunct_after_the_cue() {
        // the quotation before the speaker, not the adjunct after the cue
        let g = one("“It will hold,” Tomas Berg said on Friday during a visit to the dam.");
        assert_eq!(g.content, ["“It will hold,”"]);
        let g = one("“It will hold,” Tomas Berg said, citing the last inspection.");
        assert_eq!(g.content, ["“It will hold,”"]);
        // a clause, a comma and the speaker with only an adjunct after the cue
        let g = one("The dam will hold until spring, the ministry said on Friday.");
        assert_eq!(g.content, ["The dam will hold until spring"]);
    }

    #[test]
    fn a_quotation_closing_the_sentence_before() {
        // a quotation ending in "!" is split from the speaker that follows it
        let g = one("“The dam will hold!” Tomas Berg said as he opened the gates.");
        assert_eq!(g.source, "Tomas Berg");
        assert_eq!(g.content, ["“The dam will hold!”"]);
    }
}
