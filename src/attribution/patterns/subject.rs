//! The speaker before the cue: the noun phrase that ends where the cue's frame starts
//! ("The U.S. Embassy in Valdera said", "Hillary Clinton on Tuesday said"), or a name with
//! an appositive and a comma ("Mara Lind, the editor of the Lowland Herald, said").

use super::{Cx, Who};
use crate::attribution::lexicon::*;
use crate::attribution::phrases::{appositive_before, np_before};
use crate::attribution::tokens::Tok;

/// Applies when a noun phrase ends just before the cue's frame.
pub(super) fn before_cue(cx: &Cx) -> Option<Who> {
    let toks = cx.toks;
    // "The report – which was handed to the families – did not say": the phrase before a
    // parenthesis set off by dashes
    let mut end = cx.frame;
    if end >= 2 && toks[end - 1].is_mark(&['–', '—']) {
        let dash = toks[end - 1].text;
        let from = end.saturating_sub(PARENTHESIS_REACH);
        if let Some(open) = (from..end - 1).rev().find(|&k| toks[k].text == dash) {
            end = open;
        }
    }
    let mut source = np_before(toks, end)?;
    // "Hillary Clinton on Tuesday said": the name before the day
    let (s, e) = source;
    let only_time = toks[s..e].iter().all(|t| in_list(TIME_WORDS, &t.lower));
    if only_time && s >= 1 && in_list(BEFORE_DAY, &toks[s - 1].lower) {
        // "a report released on Friday said": the noun a participle and its day follow
        let participle = s >= 2 && is_participle(&toks[s - 2]);
        let before = if participle {
            np_before(toks, s - 2)
        } else {
            np_before(toks, s - 1)
        };
        if let Some(before) = before {
            source = before;
        }
    }
    // a day alone is no speaker
    let (s, e) = source;
    if toks[s..e].iter().all(|t| in_list(TIME_WORDS, &t.lower)) {
        return None;
    }
    // the phrase before the cue is the object of a modifier of the subject: the subject
    // is the noun the modifier hangs on, and the speaker's mention is the whole phrase
    if let Some(head) = modified_subject(toks, s).or_else(|| appositive_with_place(toks, s)) {
        return Some(Who {
            source: Some((head.0, e)),
            head: Some(head),
            ..Who::default()
        });
    }
    Some(Who {
        source: Some(source),
        ..Who::default()
    })
}

/// True for a lower-case past participle outside quotation marks ("released",
/// "linked", "told"), by its ending or the irregular ones of the lexicon.
fn is_participle(p: &Tok) -> bool {
    p.word && !p.capitalised() && !p.quoted && past_participle(&p.lower)
}

/// How many tokens back the opening dash of a parenthesis before a cue may stand.
const PARENTHESIS_REACH: usize = 40;

/// The noun phrase a modifier hangs on when the phrase starting at token `s` is the object
/// of that modifier's preposition: a participle ("channels linked to the group",
/// "officials briefed on the intelligence") or a relative clause without commas ("the
/// witnesses who appeared before the panel").
fn modified_subject(toks: &[Tok], s: usize) -> Option<(usize, usize)> {
    if s < 2 || !toks[s - 1].word || !in_list(PREPOSITIONS, &toks[s - 1].lower) {
        return None;
    }
    if is_participle(&toks[s - 2]) {
        if let Some(np) = np_before(toks, s - 2).filter(|(_, e)| *e == s - 2) {
            return Some(np);
        }
    }
    // a relative pronoun a few words back, followed by a lower-case verb
    let k = (s.saturating_sub(10)..s - 1)
        .rev()
        .take_while(|&k| toks[k].word && !toks[k].quoted)
        .find(|&k| toks[k].is("who") || toks[k].is("which"))?;
    let verb = &toks[k + 1];
    if verb.capitalised() || in_list(ARTICLES, &verb.lower) || in_list(DETERMINERS, &verb.lower) {
        return None;
    }
    np_before(toks, k).filter(|(_, e)| *e == k)
}

/// "Lowland Watch, a media group based in Port Nel, Valdera reported": the place that ends
/// an appositive ("in Port Nel, Valdera") is not the speaker; the name the appositive
/// follows is.
fn appositive_with_place(toks: &[Tok], s: usize) -> Option<(usize, usize)> {
    if s < 3 || !toks[s - 1].is(",") {
        return None;
    }
    // the place before the comma: up to three capitalised words after "in" or "of"
    let mut k = s - 2;
    while k > 0 && toks[k].capitalised() && s - 2 - k < 3 {
        k -= 1;
    }
    let in_place = k + 2 < s && (toks[k].is("in") || toks[k].is("of"));
    if !in_place || !toks[k + 1..s - 1].iter().all(|t| t.capitalised()) {
        return None;
    }
    appositive_before(toks, s - 1).map(|(_, head)| head)
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

    #[test]
    fn the_subject_a_modifier_hangs_on_is_the_speaker() {
        let cases = [
            (
                "Social media channels linked to the guild claimed the pier had burned.",
                "Social media channels linked to the guild",
                "Social media channels",
            ),
            (
                "All of the witnesses who appeared before the panel said the dam was old.",
                "All of the witnesses who appeared before the panel",
                "All of the witnesses",
            ),
            (
                "Lowland Watch, a media group based in Port Nel, Valdera reported that the \
                 unit was there.",
                "Lowland Watch, a media group based in Port Nel, Valdera",
                "Lowland Watch",
            ),
        ];
        for (text, source, head) in cases {
            let g = one(text);
            assert_eq!(g.source, source, "{text}: {g:#?}");
            assert_eq!(g.head.as_deref(), Some(head), "{text}: {g:#?}");
        }
    }

    #[test]
    fn a_parenthesis_a_negation_or_a_day_before_the_cue() {
        let cases = [
            (
                "The long-awaited report – which was handed to the families first – said the \
                 missile was fired from the east.",
                "The long-awaited report",
            ),
            (
                "The report did not say who had fired the missile.",
                "The report",
            ),
            (
                "No ship was damaged, a report released on Friday said.",
                "a report",
            ),
        ];
        for (text, source) in cases {
            assert_eq!(one(text).source, source, "{text}");
        }
        // a day alone is no speaker
        let all = cited("The dam held, on Friday said.");
        assert!(all.iter().all(|g| g.source != "Friday"), "{all:#?}");
        let g = one("The dam held, the guild on Friday said.");
        assert_eq!(g.source, "the guild");
    }

    #[test]
    fn a_capitalised_function_word_inside_a_sentence_is_a_name() {
        let g = one("The dam was sabotaged, prime minister Mara May told the Parliament.");
        assert_eq!(g.source, "prime minister Mara May");
        assert_eq!(g.content, ["The dam was sabotaged"]);
        let g = one("The dam was sabotaged, May told the Parliament.");
        assert_eq!(g.source, "May");
    }
}
