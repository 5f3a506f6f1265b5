//! The infinitive: "to say", "to claim". After a verb that makes someone speak
//! ("prompted some of Putin's allies to claim") the speaker is that verb's object, the
//! name just before "to"; otherwise ("are more likely to say", "went on to say") it is the
//! subject of the sentence.

use super::{Cx, Who};
use crate::attribution::lexicon::*;
use crate::attribution::mentions::Wanted;
use crate::attribution::phrases::{np_before, subject_np};

/// Applies when "to" stands just before the cue's frame.
pub(super) fn speaker(cx: &Cx) -> Option<Who> {
    if !cx.before_frame_is("to") {
        return None;
    }
    let toks = cx.toks;
    let to = cx.frame - 1;
    let object = np_before(toks, to);
    let causative = object.is_some_and(|(s, _)| {
        s > 0 && toks[s - 1].word && CAUSATIVE.iter().any(|c| toks[s - 1].lower.starts_with(c))
    });
    // the nearest name of the gazetteer before "to" in the sentence
    let named = cx
        .mentions
        .nearest_before(toks[to].span.start, Wanted::Known)
        .filter(|m| cx.sentence.contains(m.span))
        .and_then(|m| {
            let s = toks.iter().position(|t| t.span.start >= m.span.start)?;
            let e = toks.iter().position(|t| t.span.start >= m.span.end);
            Some((s, e.unwrap_or(toks.len())))
        });
    let source = if causative {
        named.or(object)
    } else {
        named
            .or(subject_np(toks).filter(|&(_, e)| e <= to))
            .or(object.filter(|&(s, e)| toks[s..e].iter().any(|t| t.capitalised())))
    };
    Some(Who {
        source,
        ..Who::default()
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;

    #[test]
    fn the_object_of_a_verb_that_makes_someone_speak_else_the_subject() {
        // the object of a verb that makes someone speak
        let g = one("The flood led some farmers to question whether the dam was inspected.");
        assert_eq!(g.source, "some farmers");
        let g = one(
            "The flooding prompted some of the mayor's allies to claim the dam had been sabotaged.",
        );
        assert_eq!(g.source, "some of the mayor's allies");
        assert!(g.content[0].starts_with("the dam"));
        // the subject of the sentence otherwise
        let g = one("Farmers in the valley are more likely to say the dam is unsafe.");
        assert_eq!(g.source, "Farmers in the valley");
        let g = one("Tomas Berg went on to say that the dam was unsafe.");
        assert_eq!(g.source, "Tomas Berg");
    }
}
