//! The speaker before the cue: the noun phrase that ends where the cue's frame starts
//! ("The U.S. Embassy in Valdera said", "Hillary Clinton on Tuesday said"), or a name with
//! an appositive and a comma ("Mara Lind, the editor of the Lowland Herald, said").

use super::{Cx, Who};
use crate::attribution::lexicon::*;
use crate::attribution::phrases::{appositive_before, np_before};

/// Applies when a noun phrase ends just before the cue's frame.
pub(super) fn before_cue(cx: &Cx) -> Option<Who> {
    let toks = cx.toks;
    let mut source = np_before(toks, cx.frame)?;
    // "Hillary Clinton on Tuesday said": the name before the day
    let (s, e) = source;
    let only_time = toks[s..e].iter().all(|t| in_list(TIME_WORDS, &t.lower));
    if only_time && s >= 1 && in_list(BEFORE_DAY, &toks[s - 1].lower) {
        if let Some(before) = np_before(toks, s - 1) {
            source = before;
        }
    }
    Some(Who {
        source: Some(source),
        ..Who::default()
    })
}

/// Applies when a name and its appositive end in the comma before the cue's frame.
pub(super) fn appositive(cx: &Cx) -> Option<Who> {
    if !cx.before_frame_is(",") {
        return None;
    }
    let (whole, head) = appositive_before(cx.toks, cx.frame - 1)?;
    Some(Who {
        source: Some(whole),
        head: Some(head),
        ..Who::default()
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;

    #[test]
    fn speakers_inside_noun_phrases() {
        let cases = [
            (
                "A Port Authority spokesperson said the harbour was closed.",
                "A Port Authority spokesperson",
            ),
            (
                "Port Authority spokeswoman Elena Marsh said the harbour was closed.",
                "Port Authority spokeswoman Elena Marsh",
            ),
            (
                "Some of the mayor's allies claimed that the vote was rigged.",
                "Some of the mayor's allies",
            ),
            (
                "Sources said the harbour would close within days.",
                "Sources",
            ),
            (
                "Officials said the harbour would close within days.",
                "Officials",
            ),
            (
                "Two senior officials told the Courier that the harbour would close.",
                "Two senior officials",
            ),
            (
                "Wednesday the mayor said the harbour would close.",
                "the mayor",
            ),
            (
                "Sen. Tomas Berg (R-Valdera) said the dam was unsafe.",
                "Sen. Tomas Berg (R-Valdera)",
            ),
            ("Tomas R. Berg said the dam was unsafe.", "Tomas R. Berg"),
            (
                "The U.S. Embassy in Valdera said the dam was unsafe.",
                "The U.S. Embassy in Valdera",
            ),
            (
                "The ministry's statement said the wells were safe to use.",
                "The ministry's statement",
            ),
        ];
        for (text, source) in cases {
            assert_eq!(one(text).source, source, "{text}");
        }
    }

    #[test]
    fn adverbs_days_and_opening_adjuncts_are_not_the_speaker() {
        let g = one("Tomas Berg however said the dam was unsafe.");
        assert_eq!(g.source, "Tomas Berg");
        let g = one("Tomas Berg on Tuesday said the dam was unsafe.");
        assert_eq!(g.source, "Tomas Berg");
        let g = one("In a statement, the ministry said the wells were safe to use.");
        assert_eq!(g.source, "the ministry");
        assert_eq!(g.cue, "said");
        assert_eq!(g.content, ["the wells were safe to use"]);
    }

    #[test]
    fn a_name_with_an_appositive_before_the_cue() {
        let g = one("Mara Lind, the editor of the Lowland Herald, said the dam was unsafe.");
        assert_eq!(g.source, "Mara Lind, the editor of the Lowland Herald");
        assert_eq!(g.head.as_deref(), Some("Mara Lind"));
        let cases = [
            (
                "The guild, which owns the docks, said the dam was unsafe.",
                "The guild, which owns the docks",
            ),
            (
                "“It will hold,” Doug Lund, director of the dam, said at the time.",
                "Doug Lund, director of the dam",
            ),
        ];
        for (text, source) in cases {
            let g = one(text);
            assert_eq!(g.source, source, "{text}: {g:#?}");
        }
    }
}
