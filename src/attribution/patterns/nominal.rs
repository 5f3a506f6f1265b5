//! A nominal frame with a verb that is not a cue: "In a report, the guild found that ...".
//! The frame ("In a report") stands for the cue, the noun phrase after it is the speaker.

use crate::attribution::lexicon::*;
use crate::attribution::phrases::{first_word, np_after, span_of, Range};
use crate::attribution::tokens::Tok;
use crate::text::Span;

/// The frame, the speaker and the content of a sentence that opens with "In" and a
/// document noun ("In a statement,", "In a letter,"), when the speaker's verb is followed
/// by three words or more.
pub(crate) fn nominal_frame(toks: &[Tok]) -> Option<(Span, Range, Range)> {
    let s = first_word(toks);
    if !toks.get(s).is_some_and(|t| t.is("in")) {
        return None;
    }
    let comma = (s + 1..toks.len().min(s + 6)).find(|&k| toks[k].is(","))?;
    let words = &toks[s + 1..comma];
    if !words.iter().any(|t| in_list(FRAME_NOUNS, &t.lower))
        || !words
            .first()
            .is_some_and(|t| in_list(DETERMINERS, &t.lower))
    {
        return None;
    }
    // the speaker runs to the verb: the word before "that", else the end of the noun phrase
    let that = (comma + 2..toks.len().min(comma + 10)).find(|&k| toks[k].is("that"));
    let (ns, ne, c) = match that {
        Some(t) => (comma + 1, t - 1, t + 1),
        None => {
            let (ns, ne) = np_after(toks, comma + 1)?;
            (ns, ne, ne + 1)
        }
    };
    let verb = toks.get(ne)?;
    if ns >= ne
        || !verb.word
        || verb.capitalised()
        || in_list(BOUNDARY, &verb.lower)
        || !toks[ns..ne].iter().all(|t| t.word && !t.quoted)
    {
        return None;
    }
    (toks[c.min(toks.len())..].iter().filter(|t| t.word).count() >= 3)
        .then(|| (span_of(toks, s, comma), (ns, ne), (c, toks.len())))
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;

    #[test]
    fn in_a_report_the_guild_found() {
        let g = one("In a report, the guild found that the wells were unsafe.");
        assert_eq!(g.source, "the guild");
        assert_eq!(g.cue, "In a report");
        assert_eq!(g.content, ["the wells were unsafe"]);
    }
}
