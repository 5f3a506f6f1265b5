//! "According to X, ..." and "..., according to X": the source follows the cue; the
//! content is the rest of the sentence, or what comes before the cue, or both around it
//! ("Two wells, according to the ministry, were closed").

use super::Frame;
use crate::attribution::cue_finder::CueHit;
use crate::attribution::lexicon::*;
use crate::attribution::phrases::{appositive_after, np_after};
use crate::attribution::tokens::Tok;

/// The frame of an "according to" cue `hit`.
pub(crate) fn according_frame(toks: &[Tok], hit: &CueHit) -> Frame {
    let mut f = Frame::default();
    let Some((s, mut e)) = np_after(toks, hit.end) else {
        return f;
    };
    let mut head = None;
    if let Some(ae) = appositive_after(toks, e) {
        if toks.get(ae).is_some_and(|t| t.is(",")) {
            head = Some((s, e));
            e = ae;
        }
    }
    f.source = Some((s, e));
    f.head = head;
    let at_start = !toks[..hit.start].iter().any(|t| t.word);
    let after = toks[e..].iter().filter(|t| t.word).count();
    if at_start {
        f.content = Some((e, toks.len()));
    } else {
        // "X, according to Y, Z": the content runs around the frame
        f.content = Some((0, hit.start));
        let enclosed = toks.get(e).is_some_and(|t| t.is(","))
            && hit.start > 0
            && toks[hit.start - 1].is(",")
            && after >= 3
            && toks
                .get(e + 1)
                .is_some_and(|t| t.word && !in_list(RELATIVES, &t.lower));
        if enclosed {
            // a short opening belongs to the content; a long one is the article's own
            let before = toks[..hit.start].iter().filter(|t| t.word).count();
            if before <= 6 {
                f.rest = Some((e + 1, toks.len()));
            } else {
                f.content = Some((e + 1, toks.len()));
            }
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;
    use crate::attribution::AttributionKind;

    #[test]
    fn according_to_before_and_after_the_content() {
        let g = one("According to the Port Authority, the harbour will reopen on Friday.");
        assert_eq!(g.kind, AttributionKind::AccordingTo);
        assert_eq!(
            (g.source.as_str(), g.cue.as_str()),
            ("the Port Authority", "According to")
        );
        assert_eq!(g.content, ["the harbour will reopen on Friday"]);
        let g = one("The harbour will reopen on Friday, according to the Port Authority.");
        assert_eq!(g.content, ["The harbour will reopen on Friday"]);
    }

    #[test]
    fn according_to_in_the_middle_of_a_sentence() {
        let g = one("Two wells, according to the ministry, were closed on Friday.");
        assert_eq!(g.source, "the ministry");
        assert_eq!(g.content, ["Two wells", "were closed on Friday"]);
        let g = one("According to the ministry, “the wells are closed. They stay closed.”");
        assert_eq!(g.content, ["“the wells are closed. They stay closed.”"]);
    }
}
