//! A participle after a comma: "..., the US Embassy in Turkey, warning of ...", "...,
//! adding that ...". The speaker is the name set off before the comma, else the speaker
//! of the clause before, else the subject of the sentence.

use super::{Cx, Who};
use crate::attribution::phrases::{first_word, np_after, np_before, span_of};

/// Applies to an "-ing" cue just after a comma.
pub(super) fn speaker(cx: &Cx) -> Option<Who> {
    let (toks, j) = (cx.toks, cx.frame);
    if !(cx.before_frame_is(",") && toks[cx.hit.start].lower.ends_with("ing")) {
        return None;
    }
    // a name set off before the comma (at the sentence's start, or after a comma or a
    // mark) or a passive's agent ("an alert issued by the embassy, warning"), not the
    // object of a verb before it ("began by thanking the guild, saying")
    let set_off = |s: usize| s <= first_word(toks) || !toks[s - 1].word || toks[s - 1].is("by");
    let before = np_before(toks, j - 1).filter(|(s, e)| {
        let sp = span_of(toks, *s, *e);
        set_off(*s) && cx.mentions.within(sp).any(|m| m.known)
    });
    Some(if before.is_some() {
        Who {
            source: before,
            ..Who::default()
        }
    } else if cx.has_prev {
        Who {
            inherit: true,
            ..Who::default()
        }
    } else {
        Who {
            source: np_after(toks, first_word(toks)),
            ..Who::default()
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;

    #[test]
    fn adding_that_continues_the_speaker_of_the_clause_before() {
        // ", adding that" ends the first content and starts a second attribution
        let all = cited("Tomas Berg said the dam would hold, adding that it was old.");
        assert_eq!(all.len(), 2, "{all:#?}");
        assert_eq!(all[0].content, ["the dam would hold"]);
        assert_eq!(
            (all[1].source.as_str(), all[1].cue.as_str()),
            ("Tomas Berg", "adding")
        );
        assert_eq!(all[1].content, ["it was old"]);
    }

    #[test]
    fn the_object_of_a_verb_before_the_comma_is_not_the_speaker() {
        let all = cited("Tomas Berg began by thanking the guild, saying the pier would reopen.");
        let g = all.iter().find(|g| g.cue == "saying").unwrap();
        assert_eq!(g.source, "Tomas Berg", "{all:#?}");
        let all = cited("The pier closed on Monday, the Harbour Guild, warning of storms.");
        let g = all.iter().find(|g| g.cue == "warning").unwrap();
        assert_eq!(g.source, "the Harbour Guild", "{all:#?}");
        let all =
            cited("The pier shut after an alert issued by the Harbour Guild, warning of storms.");
        let g = all.iter().find(|g| g.cue == "warning").unwrap();
        assert_eq!(g.source, "the Harbour Guild", "{all:#?}");
    }
}
