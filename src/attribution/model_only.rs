//! Attributions the tagger alone found: their kind, stance and antecedent, and the
//! guesses too weak to keep.

use super::coreference::{introduced_beside, DESCRIPTION_LOOKBACK};
use super::cues;
use super::model::Found;
use super::phrases::{self, np_before, span_of};
use super::source_span::{speakers_only, whole_name, without_fronted_adjunct};
use super::tokens::{sentence_toks, Tok};
use super::{Attribution, AttributionKind, Stance};
use crate::corpus::Article;
use crate::text::Span;

/// An attribution only the model found: kind from the quotation marks, cue lemma and
/// stance from the lexicon, and for a pronoun source the source of the attribution before.
pub(super) fn from_model(article: &Article, f: &Found, before: &[Attribution]) -> Attribution {
    let text = article.text.as_str();
    let sentence = article
        .sentences
        .partition_point(|s| s.span.end <= f.cue.start)
        .min(article.sentences.len().saturating_sub(1));
    let cue_text = f.cue.slice(text);
    let cue = cue_text
        .split(|c: char| !c.is_alphanumeric())
        .find_map(cues::lookup);
    let lower = cue_text.to_lowercase();
    let kind = if lower.starts_with("according to") {
        AttributionKind::AccordingTo
    } else {
        kind_of(article, &f.content)
    };
    // "the ministry said in a statement ... . “…,” the statement read": the speaker whose
    // sentence introduced the writing
    let issued = match f.source.as_slice() {
        [s] if definite_writing(s.slice(text)) => issued_in(article, before, *s),
        _ => None,
    };
    let antecedent = match f.source.as_slice() {
        _ if issued.is_some() => issued,
        // "Tomas Berg, who has spoken of traitors, described it as": the name the
        // relative pronoun follows
        [s] if matches!(s.slice(text), "who" | "which") => {
            name_before_relative(article, sentence, *s)
        }
        [s] if is_pronoun(s.slice(text))
            || possessive_document(s.slice(text))
            || definite_writing(s.slice(text)) =>
        {
            before.iter().rev().take(4).find_map(|b| {
                b.antecedent.or_else(|| match b.source.as_slice() {
                    [bs] if !is_pronoun(bs.slice(text)) => Some(*bs),
                    _ => None,
                })
            })
        }
        // "the spokesman said", "the channel vowed": the speaker last cited under that
        // noun ("a ministry spokesman, Ali Rahim, said ..."), the name in that mention
        [s] => definite_description(s.slice(text)).and_then(|noun| {
            before
                .iter()
                .rev()
                .take(DESCRIPTION_LOOKBACK)
                .find_map(|b| {
                    let src = b.source.first()?;
                    let words = src.slice(text).to_lowercase();
                    let holds = words
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w == noun);
                    (holds && b.source.len() == 1 && !src.contains(*s))
                        .then(|| b.antecedent.or(b.head).unwrap_or(*src))
                })
        }),
        _ => None,
    };
    let mut source: Vec<Span> = speakers_only(text, &f.source)
        .iter()
        .map(|s| whole_name(text, *s))
        .collect();
    if source.is_empty() {
        source.extend(coordinated_subject(article, sentence, f.cue));
    }
    let mut content = f.content.clone();
    without_fronted_adjunct(text, &source, &mut content);
    Attribution {
        sentence,
        kind,
        source,
        antecedent,
        cue: vec![f.cue],
        cue_lemma: cue.map_or(lower.clone(), |c| c.lemma.to_string()),
        stance: cue.map_or_else(
            || {
                lower
                    .split(|c: char| !c.is_alphanumeric())
                    .find_map(cues::stance_of_word)
                    .unwrap_or(Stance::Assert)
            },
            |c| c.stance,
        ),
        content,
        modifiers: Vec::new(),
        via: Vec::new(),
        head: None,
        affiliation: None,
        relays: false,
    }
}

/// The tokens of sentence `si` and the index of the first one at or after byte `at`.
fn toks_at(article: &Article, si: usize, at: usize) -> (Vec<Tok<'_>>, usize) {
    let toks = sentence_toks(&article.text, article.tokens(), si, true);
    let k = toks.partition_point(|t| t.span.start < at);
    (toks, k)
}

/// "X paid his respects, and praised Y as ...": a cue with no source after "and" or "but"
/// speaks for the subject of its sentence.
fn coordinated_subject(article: &Article, si: usize, cue: Span) -> Option<Span> {
    let (toks, k) = toks_at(article, si, cue.start);
    let (s, e) = phrases::coordinated_subject(&toks, k)?;
    Some(span_of(&toks, s, e))
}

/// The capitalised name that a relative pronoun at `pronoun` follows, with or without a
/// comma between ("Tomas Berg, who"); a noun phrase holding no capital gives none.
fn name_before_relative(article: &Article, si: usize, pronoun: Span) -> Option<Span> {
    let (toks, k) = toks_at(article, si, pronoun.start);
    let end = if k > 0 && toks[k - 1].is(",") {
        k - 1
    } else {
        k
    };
    let (s, e) = np_before(&toks, end)?;
    toks[s..e]
        .iter()
        .any(|t| t.capitalised())
        .then(|| span_of(&toks, s, e))
}

/// Whether an attribution only the tagger found is too weak to keep: it has no source, no
/// word of its cue is a cue of the lexicon, and its content is not quoted. On news these
/// are mostly verbs and adjectives of the narrative taken for cues ("ignored", "always
/// paranoid about"), which would otherwise become claims of an unnamed speaker.
pub(super) fn unsourced_guess(article: &Article, f: &Found) -> bool {
    f.source.is_empty()
        && !lexicon_cue(article, f)
        && kind_of(article, &f.content) == AttributionKind::Indirect
}

/// Whether a word of the cue the tagger found is a cue of the lexicon.
fn lexicon_cue(article: &Article, f: &Found) -> bool {
    f.cue
        .slice(&article.text)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| cues::lookup(w).is_some())
}

/// "its own review", "their report": a document whose possessive stands for the body that
/// made it, as a pronoun does.
fn possessive_document(s: &str) -> bool {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["its" | "their", noun] | ["its" | "their", "own", noun] => {
            super::lexicon::document_or_body(noun)
        }
        _ => false,
    }
}

/// Is the cue a form of "add" followed by "to" and a lower-case noun that is no audience
/// ("added to the evidence"): to increase, not to speak?
pub(super) fn adds_to_a_thing(text: &str, cue: Span) -> bool {
    use super::lexicon::{in_list, ARTICLES, AUDIENCE_NOUNS, DETERMINERS};
    if cues::lookup(cue.slice(text)).is_none_or(|c| c.lemma != "add") {
        return false;
    }
    let mut words = text[cue.end..]
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(4);
    if words.next() != Some("to") {
        return false;
    }
    let noun = words.find(|w| {
        let l = w.to_lowercase();
        !in_list(DETERMINERS, &l) && !in_list(ARTICLES, &l)
    });
    noun.is_some_and(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        w.starts_with(char::is_lowercase) && !in_list(AUDIENCE_NOUNS, w)
    })
}

/// The speaker of one of the last attributions in `before` whose sentence introduces the
/// writing `s` names ("said in a statement" for "the statement"), outside its own source.
fn issued_in(article: &Article, before: &[Attribution], s: Span) -> Option<Span> {
    let text = article.text.as_str();
    let noun = s.slice(text).rsplit(' ').next()?.to_lowercase();
    before
        .iter()
        .rev()
        .filter(|b| b.kind != AttributionKind::Author)
        .take(DESCRIPTION_LOOKBACK)
        .find(|b| {
            let (Some(own), Some(sent)) = (b.source.first(), article.sentences.get(b.sentence))
            else {
                return false;
            };
            !sent.span.contains(s) && introduced_beside(text, sent.span, *own, &noun)
        })
        .map(|b| b.antecedent.or(b.head).unwrap_or(b.source[0]))
}

/// "The statement", "this report": a writing named by its kind alone, which stands for the
/// speaker cited just before.
fn definite_writing(s: &str) -> bool {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["the" | "this" | "that", noun] => super::lexicon::in_list(super::lexicon::WRITINGS, noun),
        _ => false,
    }
}

/// The noun of "the spokesman", "the official", "the channel": a definite mention made of
/// a role or a kind alone, in lower case.
fn definite_description(s: &str) -> Option<String> {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["the" | "this" | "that", noun]
            if super::lexicon::in_list(super::lexicon::ROLE_NOUNS, noun)
                || noun.chars().all(char::is_alphabetic) =>
        {
            Some((*noun).to_string())
        }
        _ => None,
    }
}

pub(super) fn is_pronoun(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i" | "his" | "her" | "their"
    )
}

/// Direct when every word of the content is inside quotation marks, mixed when some are,
/// indirect otherwise.
pub(super) fn kind_of(article: &Article, content: &[Span]) -> AttributionKind {
    let text = article.text.as_str();
    let quoted = |s: &Span| {
        let t = s
            .slice(text)
            .trim_matches(|c: char| c.is_whitespace() || ",.;:".contains(c));
        let opens = t.starts_with(['“', '"', '‘']) || t.starts_with("''");
        let closes = t.ends_with(['”', '"', '’']) || t.ends_with("''");
        let inner = t.chars().filter(|c| matches!(c, '“' | '”' | '"')).count();
        (opens && closes, inner > 0)
    };
    let marks: Vec<(bool, bool)> = content.iter().map(quoted).collect();
    if !marks.is_empty() && marks.iter().all(|m| m.0) {
        AttributionKind::Direct
    } else if marks.iter().any(|m| m.1) {
        AttributionKind::Mixed
    } else {
        AttributionKind::Indirect
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A found attribution made of the first places of `cue`, `source` and `content` in
    /// `text`.
    pub(in crate::attribution) fn found(
        text: &str,
        cue: &str,
        source: &str,
        content: &str,
    ) -> Found {
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        Found {
            cue: at(cue),
            source: if source.is_empty() {
                vec![]
            } else {
                vec![at(source)]
            },
            content: vec![at(content)],
        }
    }

    #[test]
    fn model_only_attributions_get_kind_stance_and_antecedent() {
        let text = "Ms. Ortiz denied the charge. She warned that “prices will rise.”";
        let a = Article::new("t", text);
        let first = from_model(&a, &found(text, "denied", "Ms. Ortiz", "the charge"), &[]);
        assert_eq!(first.stance, Stance::Deny);
        assert_eq!(first.kind, AttributionKind::Indirect);
        assert_eq!(first.sentence, 0);
        let f = found(text, "warned", "She", "that “prices will rise.”");
        let second = from_model(&a, &f, std::slice::from_ref(&first));
        assert_eq!(second.stance, Stance::Warn);
        assert_eq!(second.kind, AttributionKind::Mixed);
        assert_eq!(second.sentence, 1);
        assert_eq!(second.antecedent.map(|s| s.slice(text)), Some("Ms. Ortiz"));
        let f = found(text, "warned", "She", "“prices will rise.”");
        assert_eq!(from_model(&a, &f, &[]).kind, AttributionKind::Direct);
        // a writing named by its kind stands for who was cited before
        let text = "The guild said it would strike. “Wages are too low,” the statement read.";
        let a = Article::new("t", text);
        let first = from_model(
            &a,
            &found(text, "said", "The guild", "it would strike"),
            &[],
        );
        let f = found(text, "read", "the statement", "“Wages are too low,”");
        let second = from_model(&a, &f, std::slice::from_ref(&first));
        assert_eq!(second.antecedent.map(|s| s.slice(text)), Some("The guild"));
        // a role alone stands for the speaker last cited in that role
        let text =
            "A guild spokesman said the pier was shut. “It will stay shut,” the spokesman said.";
        let a = Article::new("t", text);
        let first = from_model(
            &a,
            &found(text, "said", "A guild spokesman", "the pier was shut"),
            &[],
        );
        let mut f = found(text, "said", "the spokesman", "“It will stay shut,”");
        let last = text.rfind("said").unwrap();
        f.cue = Span::new(last, last + 4);
        let second = from_model(&a, &f, std::slice::from_ref(&first));
        assert_eq!(
            second.antecedent.map(|s| s.slice(text)),
            Some("A guild spokesman")
        );
    }

    #[test]
    fn adding_to_a_thing_is_no_cue() {
        let text = "The cracks added to the evidence. “It holds,” Berg added to reporters.";
        let at = |w: &str, from: usize| {
            let i = from + text[from..].find(w).unwrap();
            Span::new(i, i + w.len())
        };
        assert!(adds_to_a_thing(text, at("added", 0)));
        assert!(!adds_to_a_thing(text, at("added", 40)));
    }

    #[test]
    fn unsourced_guesses_are_told_from_attributions() {
        let text = "The owner ignored two reports, and “the valves leaked,” denied the crew.";
        let a = Article::new("t", text);
        let guess = found(text, "ignored", "", "two reports");
        assert!(unsourced_guess(&a, &guess));
        let sourced = found(text, "ignored", "The owner", "two reports");
        assert!(!unsourced_guess(&a, &sourced));
        let lexicon = found(text, "denied", "", "two reports");
        assert!(!unsourced_guess(&a, &lexicon));
        let quoted = found(text, "ignored", "", "“the valves leaked,”");
        assert!(!unsourced_guess(&a, &quoted));
    }

    #[test]
    fn a_coordinated_cue_and_a_relative_pronoun_take_the_subject_before_them() {
        let text = "After a day of silence, Tomas Berg paid his respects to the families, and \
                    praised Mara Lind as a “talented engineer”.";
        let a = Article::new("t", text);
        let got = from_model(
            &a,
            &found(text, "praised", "", "a “talented engineer”"),
            &[],
        );
        let source: Vec<&str> = got.source.iter().map(|s| s.slice(text)).collect();
        assert_eq!(source, ["Tomas Berg"]);
        let text = "Tomas Berg, who has spoken of traitors before, described it as a “stab in \
                    the back”.";
        let a = Article::new("t", text);
        let got = from_model(
            &a,
            &found(text, "described", "who", "a “stab in the back”"),
            &[],
        );
        assert_eq!(got.antecedent.map(|s| s.slice(text)), Some("Tomas Berg"));
    }
}
