//! The inverted order: "“…,” said Peskov", "…, said Elena Marsh, the port's spokeswoman.",
//! "“…,” said the man who built the dam". The speaker follows the cue to the end of the
//! clause, and the content is what comes before the cue.

use super::{Cx, Who};
use crate::attribution::cue_finder::is_number;
use crate::attribution::cues;
use crate::attribution::lexicon::*;
use crate::attribution::phrases::{appositive_after, np_after};
use crate::attribution::tokens::Tok;

/// Does a phrase of circumstance run from token `e` to the end of the clause: an opener,
/// then at most eight words, none quoted, none a cue, no "that" and no relative?
fn adjunct_to_end(toks: &[Tok], e: usize) -> bool {
    if !toks
        .get(e)
        .is_some_and(|t| t.word && in_list(ADJUNCT_OPENERS, &t.lower))
    {
        return false;
    }
    let mut words = 0;
    for t in &toks[e + 1..] {
        if t.is_mark(&[',', '.', ':', ';', '—', '?', '!']) {
            return true;
        }
        if t.quoted || !t.word {
            if t.quoted {
                return false;
            }
            continue;
        }
        words += 1;
        if words > 8
            || t.is("that")
            || t.is("who")
            || t.is("which")
            || cues::lookup(t.text).is_some()
        {
            return false;
        }
    }
    true
}

/// Applies after a comma, a closing quotation mark or a dash, when a noun phrase that names
/// someone follows the cue and ends the clause, perhaps after a phrase of circumstance ("in
/// his statement"), or opens a relative clause that runs to the end of the sentence.
pub(super) fn speaker(cx: &Cx) -> Option<Who> {
    let (toks, j) = (cx.toks, cx.frame);
    if !(j > 0 && toks[j - 1].is_mark(&[',', '”', '"', '\'', '—', '–', '-'])) {
        return None;
    }
    let (s, e) = np_after(toks, cx.hit.end)?;
    let ends = e >= toks.len()
        || toks[e].is_mark(&[',', '.', ':', ';', '—', '?', '!'])
        || toks[e..].iter().all(|t| !t.word)
        || adjunct_to_end(toks, e);
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
            ("“It will hold”, said Marsh in her statement.", "Marsh"),
            (
                "\"The levee is sound\", - said Port Secretary Elena Marsh.",
                "Port Secretary Elena Marsh",
            ),
            (
                "“It will hold,” said the engineer to reporters on Sunday.",
                "the engineer",
            ),
        ];
        for (text, source) in cases {
            let g = one(text);
            assert_eq!(g.source, source, "{text}: {g:#?}");
        }
    }
}
