//! Speakers named elsewhere in the clause: the opening phrase ("Russia, always paranoid
//! about ..., has accused"), the subject of a coordinated clause ("Graham called both ...
//! and said"), and the relative pronoun ("Barkley, who said ...").

use super::{Cx, Who};
use crate::attribution::cue_finder::noun_before_that;
use crate::attribution::lexicon::{citing_lemma, in_list, PREPOSITIONS};
use crate::attribution::phrases::{
    after_and_or_but, coordinated_subject, first_word, np_after, np_before, Range,
};
use crate::attribution::tokens::Tok;

/// Applies after a comma when the sentence opens with a capitalised phrase of at most six
/// tokens that ends in the first comma.
pub(super) fn opening_phrase(cx: &Cx) -> Option<Who> {
    if !cx.before_frame_is(",") {
        return None;
    }
    let toks = cx.toks;
    let start = first_word(toks);
    let c = toks.iter().position(|t| t.is(","))?;
    if !(c > start && c <= start + 6 && toks[start].capitalised()) {
        return None;
    }
    let source = np_after(toks, start).filter(|(_, e)| *e == c)?;
    Some(Who {
        source: Some(source),
        ..Who::default()
    })
}

/// Applies after "and" or "but": the speaker of the clause before, else the subject of
/// the sentence.
pub(super) fn coordinated(cx: &Cx) -> Option<Who> {
    if !after_and_or_but(cx.toks, cx.frame) {
        return None;
    }
    Some(if cx.has_prev {
        Who {
            inherit: true,
            ..Who::default()
        }
    } else {
        Who {
            source: coordinated_subject(cx.toks, cx.frame),
            ..Who::default()
        }
    })
}

/// Applies to a cue just after "who" or "which", or after "that" following a noun ("a
/// report that concluded"): the pronoun is the source, as annotators mark it.
pub(super) fn relative_pronoun(cx: &Cx) -> Option<Who> {
    let j = cx.frame;
    let toks = cx.toks;
    let that_after_noun = cx.before_frame_is("that") && j >= 2 && noun_before_that(toks, j - 1);
    (j == cx.hit.start
        && (cx.before_frame_is("who") || cx.before_frame_is("which") || that_after_noun))
        .then(|| {
            let antecedent = described_before(toks, j - 1);
            Who {
                source: Some((j - 1, j)),
                antecedent,
                via: antecedent.and_then(|(s, _)| citer(toks, s)),
                ..Who::default()
            }
        })
}

/// "The Courier cited sources in the guild who said": who cites the phrase starting at
/// token `s` carries its words.
fn citer(toks: &[Tok], s: usize) -> Option<Range> {
    let verb = toks.get(s.checked_sub(1)?)?;
    citing_lemma(&verb.lower)?;
    np_before(toks, s - 1)
}

/// The noun phrase just before a relative pronoun at token `k` when a preposition after a
/// lower-case word stands inside it ("anonymous sources in the guild who said"): the whole
/// phrase, not the name after the preposition, is who speaks.
fn described_before(toks: &[Tok], k: usize) -> Option<Range> {
    let (s, e) = np_before(toks, k)?;
    let inner = (s + 1..e.saturating_sub(1)).find(|&i| {
        toks[i].word && in_list(PREPOSITIONS, &toks[i].lower) && !toks[i - 1].capitalised()
    });
    inner.is_some().then_some((s, e))
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;

    #[test]
    fn the_subject_of_a_coordinated_clause() {
        let g = one("Tomas Berg criticised the plan on Friday and said the dam was unsafe.");
        assert_eq!(g.source, "Tomas Berg");
        assert_eq!(g.content, ["the dam was unsafe"]);
        let g = one("The guild refused to pay but said the dam was unsafe.");
        assert_eq!(g.source, "The guild");
    }

    #[test]
    fn the_relative_pronoun() {
        let g = one("Tomas Berg, who said the dam was unsafe, left early.");
        assert_eq!(g.source, "who");
        let all = cited("Tomas Berg, who said he fished there, said the dam was unsafe.");
        assert_eq!(all.len(), 2, "{all:#?}");
        assert_eq!(all[0].source, "who");
        assert_eq!(all[0].content, ["he fished there"]);
    }

    #[test]
    fn a_relative_pronoun_after_a_described_speaker_stands_for_the_description() {
        let all = cited(
            "The Courier cited anonymous sources in the Harbour Guild who said the pier was shut.",
        );
        let g = all
            .iter()
            .find(|g| g.source == "who")
            .unwrap_or_else(|| panic!("{all:#?}"));
        assert_eq!(
            g.antecedent.as_deref(),
            Some("anonymous sources in the Harbour Guild"),
            "{all:#?}"
        );
        assert_eq!(g.via, ["The Courier"], "{all:#?}");
        // a name alone before the pronoun is found by coreference as before
        let g = one("The Port Authority, which said the dam was safe, closed the pier.");
        assert_eq!(g.antecedent.as_deref(), Some("The Port Authority"));
    }
}
