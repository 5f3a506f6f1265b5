//! Where the cues of a sentence are: cue verbs in any tense (but not the nouns spelt like
//! them: "the report", "two states"), cue phrases ("refused to confirm") and "according
//! to".

use super::cues::{self, CueUse, Stance, PHRASES};
use super::lexicon::*;
use super::phrases::{coordinated_subject, np_after, np_before, Range};
use super::tokens::Tok;

/// A cue found in a sentence: tokens `start..end`.
#[derive(Clone, Debug)]
pub(super) struct CueHit {
    /// First token of the cue.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// The cue's lemma ("say", "refuse to confirm", "according to").
    pub lemma: String,
    /// The stance the cue gives.
    pub stance: Stance,
    /// "According to": the source follows, the content is around it.
    pub according: bool,
}

/// The previous word before token `i`, skipping adverbs ("often", "-ly").
fn prev_word_skipping<'t, 'a>(toks: &'t [Tok<'a>], i: usize) -> Option<(usize, &'t Tok<'a>)> {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let t = &toks[k];
        if !t.word {
            return None;
        }
        if (t.lower.ends_with("ly") && !t.capitalised()) || in_list(SKIPPED_ADVERBS, &t.lower) {
            continue;
        }
        return Some((k, t));
    }
    None
}

/// A number or a quantifier ("two", "several", "75").
pub(super) fn is_number(t: &Tok) -> bool {
    t.word
        && (t.lower.chars().next().is_some_and(|c| c.is_ascii_digit())
            || in_list(QUANTIFIERS, &t.lower))
}

/// Is the -s form at `i` of a lemma that is also a noun used as a verb here? It needs a
/// subject (a name, a pronoun or a noun such as "report") and an object or clause after.
fn nounish_is_verb(toks: &[Tok], i: usize) -> bool {
    let Some((k, prev)) = prev_word_skipping(toks, i) else {
        return false;
    };
    if is_number(prev) || in_list(DETERMINERS, &prev.lower) {
        return false;
    }
    let first_word = !toks[..k].iter().any(|t| t.word);
    let after_determiner = k > 0 && toks[k - 1].word && in_list(DETERMINERS, &toks[k - 1].lower);
    let plural = !prev.capitalised() && prev.lower.ends_with('s') && !prev.lower.ends_with("ss");
    let subject = (prev.capitalised() && !(first_word && in_list(QUANTIFIERS, &prev.lower)))
        || in_list(PRONOUNS, &prev.lower)
        || in_list(SUBJECT_NOUNS, &prev.lower)
        || (after_determiner && !plural);
    // "…, the Courier reports." closing the sentence after a comma: a relay's verb
    let closing = toks
        .get(i + 1)
        .is_none_or(|n| n.is_mark(&['.', '!', '?', ';']));
    if closing && subject {
        if let Some((s, _)) = np_before(toks, i) {
            if s > 0 && toks[s - 1].is_mark(&[',', '”', '"']) {
                return true;
            }
        }
    }
    let Some(next) = toks.get(i + 1) else {
        return false;
    };
    let clause = next.is_mark(&[':', '“', '"'])
        || (next.word
            && (in_list(CLAUSE_OPENERS, &next.lower)
                || next.capitalised()
                || in_list(DETERMINERS, &next.lower)
                || in_list(PRONOUNS, &next.lower)))
        // "reports with reference to its own sources that ..."
        || super::content::adjunct_then_that(toks, i + 1, toks.len()).is_some();
    // "This, as Mara Lind states, gave ...": a parenthesis opened by "as"
    let parenthesis =
        next.is(",") && np_before(toks, i).is_some_and(|(s, _)| s >= 1 && toks[s - 1].is("as"));
    subject && (clause || parenthesis)
}

/// Does a noun end just before the "that" at `k`, making it a relative pronoun ("a report
/// that concluded"), not a determiner or a conjunction ("so that", "now that")?
pub(super) fn noun_before_that(toks: &[Tok], k: usize) -> bool {
    k >= 1
        && toks[k].is("that")
        && toks[k - 1].word
        && !toks[k - 1].quoted
        && cues::lookup(toks[k - 1].text).is_none()
        && !in_list(BOUNDARY, &toks[k - 1].lower)
        && !in_list(NOT_NOUNS_BEFORE_THAT, &toks[k - 1].lower)
}

/// For "quoted" (or "quotes", "quoting") at `i` followed by a noun phrase and "as saying"
/// ("quoted the spokeswoman as saying"), or "cited" (or "cites", "citing") followed by one
/// and "saying" or "as saying" ("cited two officials saying"): where the phrase is, and
/// the token after "saying".
pub(super) fn quoted_as_saying(toks: &[Tok], i: usize) -> Option<(Range, usize)> {
    let t = &toks[i];
    let lemma = citing_lemma(&t.lower).filter(|_| t.word)?;
    let cites = lemma == "cite";
    let (s, e) = np_after(toks, i + 1)?;
    let saying = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.is("saying") || t.is("telling") || t.is("stating"))
    };
    if toks.get(e).is_some_and(|t| t.is("as")) && saying(e + 1) {
        return Some(((s, e), e + 2));
    }
    // "cited two officials saying ...": the one cited speaks
    (cites && saying(e)).then_some(((s, e), e + 1))
}

/// The lemma of a verb of finding at `i` whose subject is a document or an inquiry ("the
/// investigation placed", "the study also found"), a cue there and nowhere else.
fn finding_after_inquiry(toks: &[Tok], i: usize) -> Option<&'static str> {
    let t = &toks[i];
    let &(_, lemma) = FINDING_VERBS.iter().find(|(w, _)| t.word && t.is(w))?;
    let mut j = i;
    while j > 0 && toks[j - 1].word && in_list(BETWEEN, &toks[j - 1].lower) {
        j -= 1;
    }
    // "investigators linked to the board said": a participle and its preposition, no
    // finding
    let preposition = toks
        .get(i + 1)
        .is_some_and(|n| n.word && in_list(PREPOSITIONS, &n.lower));
    if preposition {
        return None;
    }
    // the inquiry just before, or the subject of the clause this one is joined to ("the
    // court qualified the war as ... and recognised that")
    let (_, e) = np_before(toks, j)
        .filter(|&(_, e)| e == j)
        .or_else(|| coordinated_subject(toks, j))?;
    in_list(FINDING_SUBJECTS, &toks[e - 1].lower).then_some(lemma)
}

/// How many tokens after a passive cue a clause or a quotation may begin.
const PASSIVE_CLAUSE_REACH: usize = 12;

/// True for a participle at `i` after a form of "be" and before a preposition other than
/// "by", "to" or "as", with no clause ("that", "whether", ...) or quotation soon after:
/// "No casualties were reported on the ground" says that none were, and passes on no
/// one's words; "it was reported on Monday that ..." does.
fn bare_passive(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    let participle = past_participle(&t.lower);
    let mut j = i;
    while j > 0 && toks[j - 1].word && in_list(SKIPPED_ADVERBS, &toks[j - 1].lower) {
        j -= 1;
    }
    let be = j > 0 && in_list(BE_FORMS, &toks[j - 1].lower);
    let preposition = toks.get(i + 1).is_some_and(|n| {
        n.word && in_list(PREPOSITIONS, &n.lower) && !(n.is("by") || n.is("to") || n.is("as"))
    });
    let clause_after = toks[i + 1..]
        .iter()
        .take(PASSIVE_CLAUSE_REACH)
        .any(|t| t.quoted || (t.word && in_list(CLAUSE_OPENERS, &t.lower)));
    participle && be && preposition && !clause_after
}

/// The cues of a sentence, in text order; quoted words are never cues.
pub(super) fn find_cues(toks: &[Tok]) -> Vec<CueHit> {
    let mut out = Vec::new();
    let mut i = 0;
    let prev_word = |i: usize| toks[..i].iter().rev().find(|t| t.word);
    while i < toks.len() {
        let t = &toks[i];
        if !t.word || t.quoted {
            i += 1;
            continue;
        }
        if t.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            out.push(CueHit {
                start: i,
                end: i + 2,
                lemma: "according to".into(),
                stance: Stance::Assert,
                according: true,
            });
            i += 2;
            continue;
        }
        if let Some((words, lemma, stance)) = PHRASES.iter().find(|(words, _, _)| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.word && t.is(w)))
        }) {
            out.push(CueHit {
                start: i,
                end: i + words.len(),
                lemma: lemma.to_string(),
                stance: *stance,
                according: false,
            });
            i += words.len();
            continue;
        }
        // "Tass quoted the spokeswoman as saying": the cue is "quoted", its speaker the
        // one quoted
        if !t.quoted && quoted_as_saying(toks, i).is_some() {
            out.push(CueHit {
                start: i,
                end: i + 1,
                lemma: citing_lemma(&t.lower).unwrap_or("quote").into(),
                stance: Stance::Assert,
                according: false,
            });
            i += 1;
            continue;
        }
        // a finding after another cue of the sentence is taken for part of what that cue
        // reports ("admitted the inquiry had found ...")
        if let Some(lemma) = finding_after_inquiry(toks, i).filter(|_| out.is_empty()) {
            out.push(CueHit {
                start: i,
                end: i + 1,
                lemma: lemma.to_string(),
                stance: Stance::Assert,
                according: false,
            });
            i += 1;
            continue;
        }
        let Some(cue) = cues::lookup(t.text) else {
            i += 1;
            continue;
        };
        let lowercase = t.text.chars().next().is_some_and(|c| c.is_lowercase());
        let prev = prev_word(i);
        let prev_is = |list: &[&str]| prev.is_some_and(|p| in_list(list, &p.lower));
        let prev_mark = i > 0 && !toks[i - 1].word;
        // "the report that concluded": "that" is a relative pronoun after a noun
        let relative = i >= 2
            && toks[i - 1].is("that")
            && t.lower != cue.lemma
            && !t.lower.ends_with("ing")
            && noun_before_that(toks, i - 1);
        let mut ok = lowercase && (!prev_is(DETERMINERS) || relative);
        // "added to the evidence", "adds to concerns": to increase, not to speak; "added
        // to reporters" and "added to the Courier" stay cues
        if ok && cue.lemma == "add" && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            let mut k = i + 2;
            while toks
                .get(k)
                .is_some_and(|t| in_list(DETERMINERS, &t.lower) || in_list(ARTICLES, &t.lower))
            {
                k += 1;
            }
            ok = toks
                .get(k)
                .is_none_or(|w| !w.word || w.capitalised() || in_list(AUDIENCE_NOUNS, &w.lower));
        }
        // "No casualties were reported on the ground": a passive that passes on no words
        if ok && bare_passive(toks, i) {
            ok = false;
        }
        // "it is hard to say what ...": doubt, not speech
        if ok
            && t.is("say")
            && i >= 2
            && toks[i - 1].is("to")
            && cues::idiom_before_to_say(&toks[i - 2].lower)
        {
            ok = false;
        }
        if ok && prev.is_some_and(|p| p.lower.ends_with("'s")) && !prev_mark {
            ok = false; // "the embassy's report"
        }
        if ok && t.lower == cue.lemma {
            // "did not say", "they warn", "farmers believe"
            let plural = prev.is_some_and(|p| {
                p.lower.ends_with('s')
                    && !p.lower.ends_with("ss")
                    && !p.lower.ends_with("'s")
                    && !is_number(p)
                    && !in_list(BOUNDARY, &p.lower)
                    && !in_list(NOT_PLURAL_S, &p.lower)
            });
            ok = (prev_is(BEFORE_BARE) || plural) && !prev_mark;
        }
        if ok && in_list(NOUNISH, cue.lemma) && t.lower.ends_with('s') && t.lower != cue.lemma {
            ok = nounish_is_verb(toks, i);
        }
        if ok && t.lower.ends_with("ing") {
            let with_before = i >= 2
                && toks[..i - 1]
                    .iter()
                    .rev()
                    .find(|t| t.word)
                    .is_some_and(|w| w.is("with"));
            // "statements by guild officials claiming that ...": a reduced relative on
            // the noun before it, with its clause
            let noun_before = prev.is_some_and(|p| {
                !prev_mark
                    && (p.capitalised()
                        || (p.lower.ends_with('s')
                            && !p.lower.ends_with("ss")
                            && !in_list(NOT_PLURAL_S, &p.lower)))
            });
            let clause_after = toks.get(i + 1).is_some_and(|n| n.is("that"));
            ok = (i > 0 && toks[i - 1].is(","))
                || prev_is(BEFORE_ING)
                || with_before
                || (noun_before && clause_after);
        }
        if ok && cue.usage == CueUse::BeforeQuote {
            ok = toks.get(i + 1).is_some_and(|n| {
                n.is(":") || (n.is(",") && toks.get(i + 2).is_some_and(|q| q.is_mark(&['“', '"'])))
            });
        }
        if ok {
            out.push(CueHit {
                start: i,
                end: i + 1,
                lemma: cue.lemma.to_string(),
                stance: cue.stance,
                according: false,
            });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests;
