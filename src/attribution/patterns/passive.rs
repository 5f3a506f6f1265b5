//! The passive: "was asked by the Courier whether ...", "is expected to". The speaker is
//! the agent after "by", when the text names one; the subject before the cue is who was
//! asked or told, not who spoke.

use super::{Cx, Who};
use crate::attribution::lexicon::*;
use crate::attribution::phrases::np_after;

/// Applies to a one-word participle cue ("-ed", "told", "said", ...) after a form of "be"
/// or before "by".
pub(super) fn speaker(cx: &Cx) -> Option<Who> {
    let (toks, hit) = (cx.toks, cx.hit);
    let cue_word = &toks[hit.start];
    let participle = hit.end == hit.start + 1 && past_participle(&cue_word.lower);
    let be_before = toks[cx.frame..hit.start]
        .iter()
        .any(|t| in_list(BE_FORMS, &t.lower));
    let by_agent = toks
        .get(hit.end)
        .filter(|t| t.is("by"))
        .and_then(|_| np_after(toks, hit.end + 1));
    let passive = participle && (be_before || by_agent.is_some());
    passive.then_some(Who {
        source: by_agent,
        content_from: by_agent.map(|(_, e)| e),
        ..Who::default()
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;

    #[test]
    fn the_agent_after_by_speaks_not_the_subject() {
        let g = one("Tomas Berg was asked by the Courier whether the dam was safe.");
        assert_eq!(g.source, "the Courier");
        assert_eq!(g.content, ["whether the dam was safe"]);
        let g = one("Tomas Berg was asked whether the dam was safe.");
        assert_eq!(g.source, "");
    }
}
