//! A participle after a comma: "..., the US Embassy in Turkey, warning of ...", "...,
//! adding that ...". The speaker is the name before the comma, else the speaker of the
//! clause before, else the subject of the sentence.

use super::{Cx, Who};
use crate::attribution::phrases::{first_word, np_after, np_before, span_of};

/// Applies to an "-ing" cue just after a comma.
pub(super) fn speaker(cx: &Cx) -> Option<Who> {
    let (toks, j) = (cx.toks, cx.frame);
    if !(cx.before_frame_is(",") && toks[cx.hit.start].lower.ends_with("ing")) {
        return None;
    }
    let before = np_before(toks, j - 1).filter(|(s, e)| {
        let sp = span_of(toks, *s, *e);
        cx.mentions.within(sp).any(|m| m.known)
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
}
