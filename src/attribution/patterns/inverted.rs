//! The inverted order: "“…,” said Peskov", "…, said Elena Marsh, the port's spokeswoman.",
//! "“…,” said the man who built the dam". The speaker follows the cue to the end of the
//! clause, and the content is what comes before the cue.

use super::{Cx, Who};
use crate::attribution::cue_finder::is_number;
use crate::attribution::lexicon::*;
use crate::attribution::phrases::{appositive_after, np_after};

/// Applies after a comma, a closing quotation mark or a dash, when a noun phrase that names
/// someone follows the cue and ends the clause (or opens a relative clause that runs to the
/// end of the sentence).
pub(super) fn speaker(cx: &Cx) -> Option<Who> {
    let (toks, j) = (cx.toks, cx.frame);
    if !(j > 0 && toks[j - 1].is_mark(&[',', '”', '"', '\'', '—'])) {
        return None;
    }
    let (s, e) = np_after(toks, cx.hit.end)?;
    let ends = e >= toks.len()
        || toks[e].is_mark(&[',', '.', ':', ';', '—', '?', '!'])
        || toks[e..].iter().all(|t| !t.word);
    // "said the man who built ...": the relative clause runs to the end
    let relative =
        !ends && (toks[e].is("who") || toks[e].is("whose")) && !toks[e..].iter().any(|t| t.quoted);
    let named = toks[s].capitalised()
        || in_list(DETERMINERS, &toks[s].lower)
        || in_list(PRONOUNS, &toks[s].lower)
        || is_number(&toks[s]);
    if !((ends || relative) && named) {
        return None;
    }
    let stop = toks
        .iter()
        .rposition(|t| t.word)
        .map_or(toks.len(), |k| k + 1);
    let (source, head) = match appositive_after(toks, e) {
        _ if relative => ((s, stop.max(e)), Some((s, e))),
        Some(ae) => ((s, ae), Some((s, e))),
        None => ((s, e), None),
    };
    Some(Who {
        source: Some(source),
        head,
        content: Some((0, j)),
        ..Who::default()
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;
    use crate::attribution::AttributionKind;

    #[test]
    fn the_speaker_after_the_cue() {
        let g = one("“No ship will leave tonight,” said Elena Marsh.");
        assert_eq!(g.source, "Elena Marsh");
        let g = one("The ban is temporary, said Elena Marsh, the port's spokeswoman.");
        assert_eq!(g.source, "Elena Marsh, the port's spokeswoman");
        assert_eq!(g.head.as_deref(), Some("Elena Marsh"));
        assert_eq!(g.content, ["The ban is temporary"]);
        assert_eq!(g.kind, AttributionKind::Indirect);
        let cases = [
            (
                "“It will hold,” said several engineers.",
                "several engineers",
            ),
            (
                "“It will hold,” said the man who built the dam in 1990.",
                "the man who built the dam in 1990",
            ),
            (
                "''It will hold,'' said Mr. Lund, an engineer.",
                "Mr. Lund, an engineer",
            ),
        ];
        for (text, source) in cases {
            let g = one(text);
            assert_eq!(g.source, source, "{text}: {g:#?}");
        }
    }
}
