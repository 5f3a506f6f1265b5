//! Coreference: the earlier mention a pronoun ("she", "it"), a role noun ("the
//! spokesperson") or a document or body ("the report", "the group") stands for.

use super::lexicon::*;
use super::mentions::Wanted;
use super::rules::Ctx;
use super::Attribution;
use crate::text::Span;

/// The earlier mention the source mention `src` of sentence `sspan` stands for.
pub(super) fn coreference(ctx: &Ctx, src: Span, sspan: Span) -> Option<Span> {
    let text = ctx.text;
    let np = src.slice(text).to_lowercase().replace('’', "'");
    let words: Vec<&str> = np.split_whitespace().collect();
    let head = *words.last()?;
    // "the report", "this statement", and "its (own) review", "their assessment", whose
    // possessive stands for the body that made it
    // ("the long-awaited report", "the final statement": one lower-case modifier too)
    let modifier_only = words.len() == 3
        && src
            .slice(text)
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| !w.starts_with(|c: char| c.is_uppercase()));
    let definite = ((words.len() <= 2 || modifier_only)
        && matches!(words.first(), Some(&"the") | Some(&"this") | Some(&"that")))
        || (words.len() <= 3
            && matches!(words.first(), Some(&"its") | Some(&"their"))
            && (words.len() == 2 || words[1] == "own"));
    // who an earlier attribution's speaker is
    let speaker = |a: &Attribution| a.antecedent.or(a.head).unwrap_or(a.source[0]);
    // the nearest organisation named in the sentence before
    let named_before = || {
        let k = ctx.sentences.partition_point(|s| s.span.end <= sspan.start);
        let prev = ctx.sentences[..k].last().map(|s| s.span)?;
        ctx.mentions
            .within(prev)
            .find(|m| m.known && !m.person)
            .map(|m| m.span)
    };
    match np.as_str() {
        "she" | "he" => {
            // "He added: “…,” he said": the speaker of the sentence's earlier cue, when a
            // person
            let earlier = ctx
                .last_cited()
                .filter(|a| a.cue.first().is_some_and(|c| sspan.contains(*c)))
                .map(speaker)
                .filter(|s| ctx.mentions.within(*s).any(|m| m.person));
            // otherwise the person cited in the sentences just before, else the nearest
            // person named outside quotations: a name the quoted speaker says is not who
            // the narrator's pronoun stands for
            return earlier
                .or_else(|| subject_of_uncited_sentence_before(ctx, sspan))
                .or_else(|| last_person_cited_before(ctx, sspan, speaker))
                .or_else(|| {
                    ctx.mentions
                        .nearest_before(src.start, Wanted::UnquotedPerson)
                        .map(|m| m.span)
                });
        }
        "they" | "it" | "we" => {
            // "The guild closed the pier, pending what it said were repairs": the
            // organisation that is the subject of the pronoun's own sentence
            let own_subject = ctx
                .mentions
                .within(Span::new(sspan.start, src.start))
                .next()
                .filter(|m| m.known && !m.person && m.span.start <= subject_start(text, sspan) + 4)
                .filter(|_| src.start > sspan.start + SUBJECT_REACH)
                .filter(|_| {
                    !ctx.last_cited()
                        .is_some_and(|a| a.cue.first().is_some_and(|c| sspan.contains(*c)))
                })
                .map(|m| m.span);
            return own_subject
                .or_else(|| ctx.last_cited().map(speaker))
                .or_else(named_before);
        }
        // "a report by the council that concluded", "Peskov, who said": the name that
        // ends the noun phrase the relative clause hangs on
        "who" | "which" | "that" => {
            return [Wanted::Known, Wanted::Person]
                .into_iter()
                .find_map(|want| {
                    ctx.mentions
                        .nearest_before(src.start, want)
                        .filter(|m| {
                            m.span.start >= sspan.start && m.span.end + RELATIVE_REACH >= src.start
                        })
                        .map(|m| m.span)
                });
        }
        _ => {}
    }
    // a phrase that is itself a name the gazetteer knows ("the ministry") stands for itself
    let named_in_np = ctx.mentions.within(src).any(|m| m.known);
    if definite && document_or_body(head) && !named_in_np {
        // "The union issued a statement. The statement added ...": the document the
        // sentence before introduced ("a statement") is the organisation's named there
        // (not when the document speaks there itself: "..., a report released on Friday
        // said")
        let introduced = || {
            let k = ctx.sentences.partition_point(|s| s.span.end <= sspan.start);
            let prev = ctx.sentences[..k].last().map(|s| s.span)?;
            let speaks = ctx
                .cited_latest_first()
                .take(DESCRIPTION_LOOKBACK)
                .any(|a| {
                    a.cue.first().is_some_and(|c| prev.contains(*c))
                        && a.source
                            .first()
                            .is_some_and(|s| s.slice(text).to_lowercase().contains(head))
                });
            (!speaks && introduces(prev.slice(text), head))
                .then(named_before)
                .flatten()
        };
        // "the ministry said in a statement ... . “…,” the statement read": the speaker
        // of a recent attribution whose sentence introduced such a document
        let issued_with = || {
            ctx.cited_latest_first()
                .take(DESCRIPTION_LOOKBACK)
                .find(|a| {
                    // the document named outside the speaker's own words: "a report
                    // declassified on Friday said" names no issuer
                    let (Some(c), Some(own)) = (a.cue.first(), a.source.first()) else {
                        return false;
                    };
                    sentence_of(ctx, c.start)
                        .is_some_and(|s| !s.contains(src) && introduced_beside(text, s, *own, head))
                })
                .map(speaker)
        };
        // "the ministry" stands for a body that the gazetteer knows or whose own words hold
        // the noun ("the Ministry of Water"), not for any speaker cited last
        let body = in_list(BODY_NOUNS, head);
        let fits = |s: &Span| !body || body_named(ctx, *s, head);
        return introduced()
            .or_else(issued_with)
            .filter(fits)
            .or_else(|| ctx.last_cited().map(speaker).filter(fits))
            .or_else(|| named_before().filter(fits));
    }
    if in_list(ROLE_NOUNS, head) {
        if named_in_np {
            return None;
        }
        if definite {
            let same = ctx.last_cited_with_role(head).map(speaker);
            if same.is_some() {
                return same;
            }
        }
        // "with spokespeople claiming": the organisation named just before, unless it
        // reports these words ("the Herald reported that officials ... said")
        let reports = |m: Span| {
            ctx.cited_latest_first().take(2).any(|a| {
                a.source.iter().any(|s| s.contains(m)) && a.content.iter().any(|c| c.contains(src))
            })
        };
        return ctx
            .mentions
            .nearest_before(src.start, Wanted::Organisation)
            .filter(|m| m.span.start + 600 >= sspan.start && !reports(m.span))
            .map(|m| m.span);
    }
    // "The channel vowed ...": a definite description of one word that the gazetteer does
    // not know stands for a speaker cited lately under that noun ("the Grey Zone Telegram
    // channel said")
    if definite && words.len() == 2 && !named_in_np && head.chars().all(char::is_alphabetic) {
        return ctx
            .cited_latest_first()
            .take(DESCRIPTION_LOOKBACK)
            .find(|a| {
                a.source.first().is_some_and(|s| {
                    !s.overlaps(src)
                        && s.slice(text)
                            .to_lowercase()
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w == head)
                })
            })
            .map(speaker);
    }
    None
}

/// Whether the speaker mention `s` can be the body a description under the noun `head`
/// ("the ministry") stands for: an organisation of the gazetteer, or a name that holds the
/// noun itself ("the Harbour Ministry"), and not a person.
fn body_named(ctx: &Ctx, s: Span, head: &str) -> bool {
    if ctx.mentions.within(s).any(|m| m.person) {
        return false;
    }
    ctx.mentions.within(s).any(|m| m.known)
        || s.slice(ctx.text)
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case(head))
}

/// Whether `sentence` introduces a document under the noun `head` ("a statement").
fn introduces(sentence: &str, head: &str) -> bool {
    let mut after_article = false;
    for w in sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if after_article && w.eq_ignore_ascii_case(head) {
            return true;
        }
        after_article = w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an");
    }
    false
}

/// Whether `sentence` introduces a document under the noun `head` outside the speaker's
/// own words `own`: "said in a statement" does, "a report declassified on Friday said"
/// (whose speaker is the report) does not.
pub(super) fn introduced_beside(text: &str, sentence: Span, own: Span, head: &str) -> bool {
    let (s, e) = (sentence.start, sentence.end);
    introduces(&text[s..own.start.clamp(s, e)], head)
        || introduces(&text[own.end.clamp(s, e)..e], head)
}

/// The sentence that holds byte `pos`.
fn sentence_of(ctx: &Ctx, pos: usize) -> Option<Span> {
    let k = ctx.sentences.partition_point(|s| s.span.end <= pos);
    ctx.sentences
        .get(k)
        .map(|s| s.span)
        .filter(|s| s.start <= pos)
}

/// How many cited attributions back a definite description looks for its speaker, from
/// the rules here and from what the tagger alone found (`model_only`).
pub(super) const DESCRIPTION_LOOKBACK: usize = 8;

/// How far into its sentence, in bytes, a name may start and still be taken for the
/// sentence's subject ("Still, Dr. Lind, who ...").
const SUBJECT_REACH: usize = 16;

/// The person who opens the sentence just before `sspan`, when no one is cited in it: "Dr.
/// Lind, who ..., doubled down in his testimony. Still, he said ..." is Lind, not a speaker
/// cited earlier.
fn subject_of_uncited_sentence_before(ctx: &Ctx, sspan: Span) -> Option<Span> {
    let k = ctx.sentences.partition_point(|s| s.span.end <= sspan.start);
    let prev = ctx.sentences[..k].last()?.span;
    let cited_in_prev = ctx
        .last_cited()
        .and_then(|a| a.cue.first())
        .is_some_and(|c| prev.contains(*c));
    if cited_in_prev {
        return None;
    }
    let opens = subject_start(ctx.text, prev);
    ctx.mentions
        .within(Span::new(opens, prev.end))
        .next()
        .filter(|m| m.person && !m.quoted && m.span.start <= opens + SUBJECT_REACH)
        .map(|m| m.span)
}

/// Where the subject of sentence `s` may start: after an opening adjunct that a comma ends
/// ("After a day of silence, Tomas Berg paid ..."), else at the sentence's start. Only the
/// first [`ADJUNCT_REACH`] bytes are read.
fn subject_start(text: &str, s: Span) -> usize {
    let t = s.slice(text);
    let mut cut = t.len().min(ADJUNCT_REACH + 2);
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &t[..cut];
    let first = head
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let adjunct = in_list(PREPOSITIONS, &first) || in_list(INTRO_WORDS, &first);
    match head.find(", ") {
        Some(c) if adjunct && c <= ADJUNCT_REACH => s.start + c + 2,
        _ => s.start,
    }
}

/// How long, in bytes, an opening adjunct before the subject may be.
const ADJUNCT_REACH: usize = 60;

/// How far before a relative pronoun, in bytes, the name it stands for may end.
const RELATIVE_REACH: usize = 80;

/// How many sentences of its own paragraph a pronoun's sentence looks back over before
/// the window of [`CITED_SENTENCES`] opens.
const QUOTATION_SENTENCES: usize = 12;

/// How many sentences back a pronoun looks for the person last cited.
const CITED_SENTENCES: usize = 2;

/// The speaker of the last attribution cited in the [`CITED_SENTENCES`] sentences before
/// the paragraph of `sspan` or in that paragraph's earlier sentences (at most
/// [`QUOTATION_SENTENCES`] of them), when a person by name or by a role of
/// [`PERSON_ROLES`]: "Tomas Berg, head of the board, said ... . “…,” he said" is Berg, not
/// a name in between.
fn last_person_cited_before(
    ctx: &Ctx,
    sspan: Span,
    speaker: impl Fn(&Attribution) -> Span,
) -> Option<Span> {
    // the window opens before the sentence's paragraph: the earlier sentences of a
    // quotation that runs over several before its "he said" do not use it up
    let k = ctx.sentences.partition_point(|s| s.span.end <= sspan.start);
    let paragraph = ctx.sentences.get(k).map(|s| s.paragraph);
    let lo = k.saturating_sub(QUOTATION_SENTENCES);
    let opens = ctx.sentences[lo..k]
        .iter()
        .rposition(|s| Some(s.paragraph) != paragraph)
        .map_or(lo, |i| lo + i + 1);
    let from = ctx.sentences[opens.saturating_sub(CITED_SENTENCES)..k]
        .first()?
        .span
        .start;
    // the latest attribution of the window whose speaker is a person: a report by a body
    // in between ("..., the ministry said") does not take the pronoun
    for a in ctx.cited_latest_first() {
        let Some(cue) = a.cue.first() else { continue };
        if cue.start < from {
            return None;
        }
        if cue.start >= sspan.start {
            continue;
        }
        // the name itself, not the whole source phrase with its title
        let who = speaker(a);
        if let Some(m) = ctx.mentions.within(who).find(|m| m.person && !m.quoted) {
            return Some(m.span);
        }
        // the name of "Tomas Berg, head of the board," that the registry knows whole
        if ctx
            .mentions
            .starting_at(who.start)
            .is_some_and(|m| m.person && !m.quoted)
        {
            return Some(who);
        }
        // "according to the diplomat": a person named by a role
        let last = who.slice(ctx.text).rsplit(' ').next().unwrap_or("");
        if in_list(PERSON_ROLES, &last.to_lowercase()) {
            return Some(who);
        }
    }
    None
}

#[cfg(test)]
mod tests;
