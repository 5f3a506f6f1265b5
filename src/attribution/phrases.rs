//! Noun phrases of a sentence's tokens: the phrase before or after a token, the subject of
//! the sentence, names with an appositive ("Mara Lind, the editor of the Lowland Herald").
//! Phrases are token ranges, start inclusive, end exclusive.

use super::cues;
use super::lexicon::*;
use super::tokens::Tok;
use crate::text::Span;

/// A range of tokens, start inclusive, end exclusive.
pub(super) type Range = (usize, usize);

/// The span of tokens `s..e`.
pub(super) fn span_of(toks: &[Tok], s: usize, e: usize) -> Span {
    Span::new(toks[s].span.start, toks[e - 1].span.end)
}

/// Is this word one that may stand inside a source noun phrase?
fn np_word(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if !t.word || t.quoted {
        return false;
    }
    if t.is("in") || t.is("at") || t.is("from") {
        let next_ok = toks
            .get(k + 1)
            .is_some_and(|n| n.capitalised() || in_list(ARTICLES, &n.lower));
        // "U.S. Embassy in Moscow", "Officials in Moscow", "farmers in the valley"
        let prev_ok = k > 0
            && toks[k - 1].word
            && !in_list(BOUNDARY, &toks[k - 1].lower)
            && (toks[k - 1].capitalised()
                || (toks[k - 1].lower.ends_with('s') && !toks[k - 1].lower.ends_with("ss")));
        return next_ok && prev_ok && (t.is("in") || toks[k - 1].capitalised());
    }
    // "Mara May", ", May told": a capitalised function word after a capitalised word or a
    // comma, inside a sentence, is a name (not in capitals throughout)
    // ("May began by ...", "Will told": a modal that opens the sentence before a past
    // form, which no modal takes, too)
    let past_next = || {
        toks.get(k + 1).is_some_and(|n| {
            n.word
                && !n.capitalised()
                && (n.lower.ends_with("ed")
                    || in_list(IRREGULAR_PAST, &n.lower)
                    || in_list(IRREGULAR_PARTICIPLES, &n.lower))
        })
    };
    let named = t.capitalised()
        && t.text.chars().skip(1).any(char::is_lowercase)
        && ((k > 0 && (toks[k - 1].capitalised() || toks[k - 1].is(",")))
            || (in_list(MODALS, &t.lower) && toks[..k].iter().all(|p| !p.word) && past_next()));
    // ("pending what it said": a word that opens a clause ends the speaker's phrase)
    if (in_list(BOUNDARY, &t.lower) && !named)
        || in_list(IRREGULAR_PAST, &t.lower)
        || in_list(CLAUSE_OPENERS, &t.lower)
    {
        return false;
    }
    // "long-awaited", "Russian-led": a compound adjective, not a verb
    if !t.capitalised()
        && (t.lower.ends_with("ed") || t.lower.ends_with("ing"))
        && !t.lower.contains('-')
    {
        return false;
    }
    cues::lookup(t.text).is_none()
        || t.capitalised()
        || document_or_body(&t.lower)
        || (k > 0 && in_list(DETERMINERS, &toks[k - 1].lower))
}

/// A single capital letter: an initial ("B" in "Dennis B. Ross").
fn is_initial(t: &Tok) -> bool {
    t.word && t.text.chars().count() == 1 && t.capitalised()
}

/// The noun phrase that ends just before token `end` (exclusive), walking back.
pub(super) fn np_before(toks: &[Tok], end: usize) -> Option<Range> {
    // "Russia today said": a lower-case day word between the subject and its verb is an
    // adverb, not part of the name
    let mut end = end;
    while end >= 2
        && toks[end - 1].word
        && !toks[end - 1].capitalised()
        && in_list(TIME_WORDS, &toks[end - 1].lower)
        && toks[end - 2].word
    {
        end -= 1;
    }
    let mut s = end;
    loop {
        while s > 0 && np_word(toks, s - 1) && end - (s - 1) <= 14 {
            s -= 1;
        }
        // "Sen. Bernie Sanders (I-Vt.)": a party tag in brackets
        if s == end && s >= 3 && toks[s - 1].is(")") {
            if let Some(open) = (s.saturating_sub(8)..s - 1)
                .rev()
                .find(|&k| toks[k].is("("))
            {
                if open > 0 && toks[open - 1].capitalised() && np_word(toks, open - 1) {
                    s = open;
                    continue;
                }
            }
        }
        // "Mr. Trump", "the U.S. Embassy": a title, an initial or a dotted abbreviation
        // and its stop
        let titled = s >= 2
            && s < end
            && toks[s - 1].is(".")
            && toks[s - 2].word
            && (in_list(TITLES, &toks[s - 2].lower)
                || is_initial(&toks[s - 2])
                || toks[s - 2].text.contains('.'))
            && toks[s - 2].capitalised();
        if !titled {
            break;
        }
        s -= 2;
    }
    // "However, the spokesperson" is cut at the comma; drop sentence adverbs and days at
    // the front ("Wednesday the mayor said")
    while s + 1 < end
        && (toks[s].is("however") || toks[s].is("meanwhile") || in_list(TIME_WORDS, &toks[s].lower))
    {
        s += 1;
    }
    // "an accusation the guild has denied": the account named before is what the speaker
    // answers, not the speaker
    if let Some(k) = (s..end.saturating_sub(1)).rev().find(|&k| {
        in_list(ACCOUNT_NOUNS, &toks[k].lower)
            && toks[k + 1].word
            && (in_list(ARTICLES, &toks[k + 1].lower) || toks[k + 1].capitalised())
    }) {
        s = k + 1;
    }
    // "On the inquiry he stated": a pronoun before the cue is the whole subject
    if s + 1 < end && in_list(PRONOUNS, &toks[end - 1].lower) {
        s = end - 1;
    }
    (s < end).then_some((s, end))
}

/// The noun phrase that starts at token `start`, walking forward.
pub(super) fn np_after(toks: &[Tok], start: usize) -> Option<Range> {
    let mut e = start;
    loop {
        while e < toks.len() && np_word(toks, e) && e - start < 10 {
            e += 1;
        }
        // "Mr. Lund", "Dennis B. Ross": a title or an initial and its stop; "two U.S.
        // officials": a dotted abbreviation and its stop before any word
        let dotted = e > start && toks[e - 1].text.contains('.');
        let titled = e > start
            && toks.get(e).is_some_and(|t| t.is("."))
            && (in_list(TITLES, &toks[e - 1].lower) || is_initial(&toks[e - 1]) || dotted)
            && toks[e - 1].capitalised()
            && toks
                .get(e + 1)
                .is_some_and(|t| t.capitalised() || (dotted && t.word && !t.quoted));
        if !titled {
            break;
        }
        e += 1;
    }
    (e > start).then_some((start, e))
}

/// Does an appositive start at token `k` ("the editor of ...", "a dock worker", "59")?
fn appositive_opener(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        let plain_lower = !t.capitalised()
            && t.lower.len() > 2
            && !t.lower.ends_with("ly")
            && !in_list(BOUNDARY, &t.lower)
            && !in_list(INTRO_WORDS, &t.lower)
            && !in_list(NOT_APPOSITIVE, &t.lower)
            && cues::lookup(t.text).is_none();
        t.word
            && !t.quoted
            && (in_list(APPOSITIVE_OPENERS, &t.lower)
                || t.lower.chars().next().is_some_and(|c| c.is_ascii_digit())
                || t.lower.ends_with("'s")
                || plain_lower)
    })
}

/// True when the word just before token `k` is "and" or "but": the clause at `k` is
/// coordinated with the one before ("criticised the plan and said").
pub(super) fn after_and_or_but(toks: &[Tok], k: usize) -> bool {
    toks[..k]
        .iter()
        .rev()
        .find(|t| t.word)
        .is_some_and(|t| t.is("and") || t.is("but"))
}

/// The subject of the clause that the clause at token `k` is coordinated with ("Tomas Berg
/// criticised the plan and said ..."): the sentence's subject ([`subject_np`]) when the
/// word before `k` is "and" or "but" and the subject ends before `k`.
pub(super) fn coordinated_subject(toks: &[Tok], k: usize) -> Option<Range> {
    if !after_and_or_but(toks, k) {
        return None;
    }
    // a name or a pronoun, or a noun that names a speaker, a document or an inquiry
    // ("the court qualified ... and recognised that")
    sentence_np(toks).filter(|&(_, e)| e < k).filter(|&(s, e)| {
        let head = &toks[e - 1].lower;
        names_or_pronoun(&toks[s..e])
            || [SUBJECT_NOUNS, ROLE_NOUNS, FINDING_SUBJECTS]
                .iter()
                .any(|list| in_list(list, head))
    })
}

/// True when a phrase holds a capitalised word or a pronoun.
fn names_or_pronoun(toks: &[Tok]) -> bool {
    toks.iter()
        .any(|t| t.capitalised() || in_list(PRONOUNS, &t.lower))
}

/// The subject of a sentence: the noun phrase at its start, after an opening adjunct that
/// ends in a comma ("On Tuesday, the mayor ...").
pub(super) fn subject_np(toks: &[Tok]) -> Option<Range> {
    sentence_np(toks).filter(|&(s, e)| names_or_pronoun(&toks[s..e]))
}

/// The noun phrase at a sentence's start, after an opening adjunct that ends in a comma,
/// whatever its words.
fn sentence_np(toks: &[Tok]) -> Option<Range> {
    let mut start = first_word(toks);
    let opens = toks.get(start).is_some_and(|t| {
        in_list(PREPOSITIONS, &t.lower)
            || in_list(INTRO_WORDS, &t.lower)
            || in_list(TIME_WORDS, &t.lower)
    });
    if opens {
        let comma = (start..toks.len().min(start + 10)).find(|&k| toks[k].is(","))?;
        start = comma + 1;
    }
    np_after(toks, start)
}

/// The first word token of the sentence (0 when there is none).
pub(super) fn first_word(toks: &[Tok]) -> usize {
    toks.iter().position(|t| t.word).unwrap_or(0)
}

/// A source written as a name, an appositive and a comma before the cue: "Mara Lind, the
/// editor of the Lowland Herald, said". `comma` is the comma just before the cue. Returns
/// the whole phrase without the final comma and the name.
pub(super) fn appositive_before(toks: &[Tok], comma: usize) -> Option<(Range, Range)> {
    let start = first_word(toks);
    let commas: Vec<usize> = (start..comma).filter(|&k| toks[k].is(",")).collect();
    for &c in &commas {
        let Some((hs, he)) = np_before(toks, c) else {
            continue;
        };
        // at the start of the sentence or of a clause: after a conjunction, a comma or a
        // closing quotation mark ("“…,” Doug Usher, director of research, said")
        let at_clause_start = hs == start
            || toks[hs - 1].is_mark(&[',', '”', '"', '\'', ';', '—'])
            || toks[..hs]
                .iter()
                .rev()
                .find(|t| t.word)
                .is_some_and(|t| in_list(CLAUSE_CONJUNCTIONS, &t.lower));
        if !at_clause_start || he != c || !toks[hs..he].iter().any(|t| t.capitalised()) {
            continue;
        }
        if !appositive_opener(toks, c + 1) || comma - c > 30 {
            continue;
        }
        if toks[c + 1..comma].iter().any(|t| t.quoted || t.is(";")) {
            continue;
        }
        return Some(((hs, comma), (hs, he)));
    }
    None
}

/// The end of an appositive that follows a name ending at `e`: "said Tomas Berg, a dock
/// worker." runs to the end of the sentence or to the next comma.
pub(super) fn appositive_after(toks: &[Tok], e: usize) -> Option<usize> {
    if !toks.get(e).is_some_and(|t| t.is(",")) || !appositive_opener(toks, e + 1) {
        return None;
    }
    let mut k = e + 1;
    while k < toks.len() && !toks[k].is_mark(&[',', '.', ';', ':', '?', '!', '—']) {
        if toks[k].quoted || (toks[k].word && cues::lookup(toks[k].text).is_some()) {
            return None;
        }
        k += 1;
    }
    // "of North Philadelphia" after a comma belongs to the appositive too
    if k + 1 < toks.len() && toks[k].is(",") && toks[k + 1].is("of") {
        k += 2;
        while k < toks.len() && !toks[k].is_mark(&[',', '.', ';', ':', '?', '!']) {
            k += 1;
        }
    }
    (k > e + 1).then_some(k)
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::gazetteer;
    use crate::corpus::Article;

    /// The source of the attribution whose cue is `cue`, as the whole extraction finds it.
    fn source_of(text: &str, cue: &str) -> String {
        let article = Article::new("t", text);
        let t = article.text.as_str();
        let all = crate::attribution::extract(&article, &gazetteer());
        let a = all
            .iter()
            .find(|a| a.cue.first().is_some_and(|c| c.slice(t) == cue))
            .unwrap_or_else(|| panic!("no cue {cue:?}: {all:#?}"));
        a.source
            .iter()
            .map(|s| s.slice(t))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_modal_written_with_a_capital_before_a_past_form_is_a_name() {
        let text = "May began by thanking the crew, saying the pier would reopen.";
        assert_eq!(source_of(text, "saying"), "May");
        // a subordinator before a participle is no name
        let text = "When asked about the pier, the official said that it was safe.";
        assert_eq!(source_of(text, "said"), "the official");
        // a modal before a bare verb stays a modal
        let text = "May we all see the pier open again, the mayor said.";
        assert_eq!(source_of(text, "said"), "the mayor");
    }
}
