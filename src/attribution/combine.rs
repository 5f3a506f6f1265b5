//! The extractor claimgraph uses: the learned tagger finds the attributions and their
//! spans; the rules add what the tagger does not give (stance, intermediaries, what a
//! pronoun stands for, block headers) and the article's own voice.

use super::cues;
use super::model::{Found, Model};
use super::source_span::{speakers_only, whole_name};
use super::{Attribution, AttributionKind, Stance};
use crate::corpus::Article;
use crate::sources::Gazetteer;
use crate::text::Span;

/// Finds the attributions of an article with the embedded model and the rules.
/// `gazetteer` gives the names the rules look for (to tell what pronouns and role nouns
/// stand for).
pub fn extract(article: &Article, gazetteer: &Gazetteer) -> Vec<Attribution> {
    extract_with(article, gazetteer, Model::embedded())
}

/// Like [`extract`], with the given model.
///
/// Each attribution the model finds keeps the model's cue, source and content spans. When
/// a rule found the same cue, the rule's kind, stance, intermediaries and modifiers are
/// kept, and its antecedent too when both agree on the source. Rule attributions the model
/// has no cue for are kept when the rules have strong evidence: a quotation with a named
/// source, a source the gazetteer knows by name, "according to", or an intermediary. The
/// article's own voice comes from the rules, for sentences no attribution covers.
pub fn extract_with(article: &Article, gazetteer: &Gazetteer, model: &Model) -> Vec<Attribution> {
    let rules = super::rules::extract(article, gazetteer);
    let found = model.find(article);
    let cues = CueIndex::new(&rules);
    let mut used = vec![false; rules.len()];
    let mut out: Vec<Attribution> = Vec::with_capacity(found.len() + rules.len());
    for f in found {
        let a = match cues.first_overlapping(f.cue) {
            Some(k) => {
                used[k] = true;
                merge(article, gazetteer, &rules[k], &f)
            }
            None if unsourced_guess(article, &f) => continue,
            None if cues::is_idiomatic_say(f.cue.slice(article.text.as_str())) => continue,
            None if adds_to_a_thing(article.text.as_str(), f.cue) => continue,
            None => from_model(article, &f, &out),
        };
        out.push(a);
    }
    // the content spans of what is kept, as it grows
    let mut kept = SpanSet::new(
        out.iter()
            .chain(&rules)
            .flat_map(|a| a.content.iter().map(|c| c.start)),
    );
    for a in &out {
        a.content.iter().for_each(|c| kept.insert(*c));
    }
    let text = article.text.as_str();
    // the sentences where the model found an attribution
    let mut model_sentences: Vec<usize> = out.iter().map(|a| a.sentence).collect();
    model_sentences.sort_unstable();
    // the sentences where the rules found a relay ("…, X said" around a report)
    let mut relay_sentences: Vec<usize> = rules
        .iter()
        .filter(|r| r.relays && r.kind != AttributionKind::AccordingTo)
        .map(|r| r.sentence)
        .collect();
    relay_sentences.sort_unstable();
    for (r, used) in rules.into_iter().zip(used) {
        if used {
            continue;
        }
        let named = named_in(gazetteer, text, r.source.iter().chain(&r.antecedent));
        // a sentence the model found nothing in keeps the rules' reading of it ("The pier
        // is safe, the mayor told the council."): without it the sentence would be lost,
        // not even the article's own voice
        let alone = !r.source.is_empty()
            && !r.content.is_empty()
            && model_sentences.binary_search(&r.sentence).is_err();
        let strong = alone
            || r.kind == AttributionKind::Author
            || r.kind == AttributionKind::AccordingTo
            || !r.via.is_empty()
            || named
            || (r.kind == AttributionKind::Direct && !r.source.is_empty());
        // a cue inside what the model takes for someone's words is not a new attribution,
        // unless it is a named speaker's quotation that a relay passes on ("…," the mayor
        // said, according to X) or a named speaker's report that a relay of the rules
        // passes on ("The ministry reported that …, X said"; not "he believes" inside
        // what he told)
        let relayed_quote = !r.via.is_empty()
            && !r.source.is_empty()
            && (matches!(r.kind, AttributionKind::Direct | AttributionKind::Mixed)
                || (relay_sentences.binary_search(&r.sentence).is_ok()
                    && r.source.first().is_some_and(|s| {
                        let s = s.slice(text);
                        s.starts_with(char::is_uppercase) && !is_pronoun(s)
                    })));
        let inside = r.kind != AttributionKind::Author
            && !relayed_quote
            && r.cue.iter().any(|c| kept.holds(*c));
        let repeated =
            r.kind == AttributionKind::Author && r.content.iter().any(|rc| kept.overlaps(*rc));
        if strong && !inside && !repeated {
            r.content.iter().for_each(|c| kept.insert(*c));
            out.push(r);
        }
    }
    out.sort_by_key(|a| {
        let at = a.cue.first().or(a.content.first()).map_or(0, |s| s.start);
        (a.sentence, at)
    });
    unmark_lone_relays(&mut out);
    strip_datelines(article, &mut out);
    out
}

/// Takes datelines and wire credits ("MOSCOW (AP) —", "MOSCOW, June 6.") out of sources and
/// contents, and drops the article's own voice where nothing else is left of its sentence.
fn strip_datelines(article: &Article, atts: &mut Vec<Attribution>) {
    let text = article.text.as_str();
    let dateline_of = |sentence: usize| -> Option<Span> {
        let s = article.sentences.get(sentence)?;
        let p = *article.paragraphs.get(s.paragraph)?;
        let n = crate::text::dateline::dateline(p.slice(text))?;
        Some(Span::new(p.start, p.start + n))
    };
    let cut = |spans: &mut Vec<Span>, d: Span| {
        spans.retain(|x| x.end > d.end);
        for x in spans.iter_mut() {
            if x.start < d.end {
                *x = Span::new(d.end, x.end).trim(text);
            }
        }
        spans.retain(|x| !x.is_empty());
    };
    atts.retain_mut(|a| {
        let Some(d) = dateline_of(a.sentence) else {
            return true;
        };
        cut(&mut a.source, d);
        cut(&mut a.content, d);
        let outside = |x: &Option<Span>| x.filter(|x| x.end > d.end);
        a.antecedent = outside(&a.antecedent);
        a.head = outside(&a.head);
        if a.kind == AttributionKind::Author {
            let words: usize = a
                .content
                .iter()
                .map(|c| c.slice(text).split_whitespace().count())
                .sum();
            return words >= 3;
        }
        true
    });
}

/// An attribution marked as relaying another passes nothing on when the one it relays was
/// not kept: it is then an attribution of its own again. `atts` is in sentence order, and
/// a relay and what it relays share a sentence.
fn unmark_lone_relays(atts: &mut [Attribution]) {
    let mut start = 0;
    while start < atts.len() {
        let sentence = atts[start].sentence;
        let end = start + atts[start..].partition_point(|a| a.sentence == sentence);
        for o in start..end {
            if !atts[o].relays {
                continue;
            }
            let passes_on = (start..end).any(|i| {
                i != o
                    && atts[i]
                        .cue
                        .first()
                        .is_some_and(|c| atts[o].content.iter().any(|x| x.contains(*c)))
            });
            atts[o].relays = passes_on;
        }
        start = end;
    }
}

/// The cues of the rules' attributions, sorted by start, to find the first attribution
/// (in the rules' order) whose cue overlaps a span.
struct CueIndex {
    /// (cue, index of its attribution), by start.
    cues: Vec<(Span, usize)>,
    /// The longest cue, in bytes: a cue that overlaps a span starts at most this far
    /// before it.
    longest: usize,
}

impl CueIndex {
    fn new(rules: &[Attribution]) -> CueIndex {
        let mut cues: Vec<(Span, usize)> = rules
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.cue.iter().map(move |c| (*c, i)))
            .collect();
        cues.sort_unstable();
        let longest = cues.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
        CueIndex { cues, longest }
    }

    /// The first attribution, in the rules' order, with a cue that overlaps `span`.
    fn first_overlapping(&self, span: Span) -> Option<usize> {
        let from = span.start.saturating_sub(self.longest);
        let lo = self.cues.partition_point(|(c, _)| c.start < from);
        self.cues[lo..]
            .iter()
            .take_while(|(c, _)| c.start < span.end)
            .filter(|(c, _)| c.overlaps(span))
            .map(|(_, i)| *i)
            .min()
    }
}

/// A growing set of spans whose starts are known in advance, which tells whether one of
/// its spans holds or overlaps a given span: the furthest end among the spans starting up
/// to a point, kept in a Fenwick tree over the starts.
struct SpanSet {
    starts: Vec<usize>,
    /// 1-based Fenwick tree of the furthest ends.
    tree: Vec<Option<usize>>,
}

impl SpanSet {
    /// An empty set of spans that will start at some of `starts`.
    fn new(starts: impl Iterator<Item = usize>) -> SpanSet {
        let mut starts: Vec<usize> = starts.collect();
        starts.sort_unstable();
        starts.dedup();
        let tree = vec![None; starts.len() + 1];
        SpanSet { starts, tree }
    }

    /// Adds `span`, whose start must be one of those given to [`SpanSet::new`].
    fn insert(&mut self, span: Span) {
        let Ok(i) = self.starts.binary_search(&span.start) else {
            debug_assert!(false, "unknown start {}", span.start);
            return;
        };
        let mut k = i + 1;
        while k < self.tree.len() {
            self.tree[k] = self.tree[k].max(Some(span.end));
            k += k & k.wrapping_neg();
        }
    }

    /// The furthest end among the spans of the first `n` starts.
    fn furthest(&self, n: usize) -> Option<usize> {
        let mut k = n;
        let mut best = None;
        while k > 0 {
            best = best.max(self.tree[k]);
            k -= k & k.wrapping_neg();
        }
        best
    }

    /// True when a span of the set holds `span`.
    fn holds(&self, span: Span) -> bool {
        let n = self.starts.partition_point(|&s| s <= span.start);
        self.furthest(n).is_some_and(|e| e >= span.end)
    }

    /// True when a span of the set shares a byte with `span`.
    fn overlaps(&self, span: Span) -> bool {
        let n = self.starts.partition_point(|&s| s < span.end);
        self.furthest(n).is_some_and(|e| e > span.start)
    }
}

/// True when one of the mentions is or holds a name of the gazetteer.
fn named_in<'a>(
    gazetteer: &Gazetteer,
    text: &str,
    spans: impl IntoIterator<Item = &'a Span>,
) -> bool {
    spans
        .into_iter()
        .any(|s| gazetteer.holds_name(s.slice(text)))
}

/// A rule attribution with the model's spans. The rule's source stands when the model
/// has none, or when the gazetteer knows the rule's source by name and the model marks
/// another; an intermediary the rules found ("said to Newsweek there was ...") is cut
/// from the front of the content.
fn merge(article: &Article, gazetteer: &Gazetteer, rule: &Attribution, f: &Found) -> Attribution {
    let text = article.text.as_str();
    let same_source = f
        .source
        .iter()
        .any(|s| rule.source.iter().any(|r| r.overlaps(*s)));
    let mut a = rule.clone();
    // the rules' cue is kept where it holds the model's and is longer ("declined to
    // comment" for "declined"): the rest of it is not what was said
    let rule_cue = rule
        .cue
        .iter()
        .find(|c| c.contains(f.cue) && c.len() > f.cue.len());
    a.cue = vec![rule_cue.copied().unwrap_or(f.cue)];
    a.content = f.content.clone();
    // the model reads the cue's paragraph only: the rules' content in other paragraphs (a
    // quotation that goes on in the next one) stays
    let para = article.paragraph_of(f.cue.start);
    let elsewhere: Vec<Span> = rule
        .content
        .iter()
        .filter(|c| article.paragraph_of(c.start) != para)
        .filter(|c| !a.content.iter().any(|m| m.overlaps(**c)))
        .copied()
        .collect();
    if let Some(rc) = rule_cue {
        a.content.retain(|c| !rc.overlaps(*c));
    }
    if let Some(first) = a.content.first_mut() {
        for v in &rule.via {
            let lead = Span::new(first.start, v.start.max(first.start));
            if first.contains(*v)
                && v.end < first.end
                && lead.slice(text).split_whitespace().count() <= 1
            {
                *first = Span::new(v.end, first.end).trim(text);
            }
        }
    }
    // the name the rules found inside their mention ("Russia" in "Russia, always paranoid
    // about ..., has accused") must stay inside the source
    let model_source = speakers_only(text, &f.source);
    let head_lost = rule
        .head
        .is_some_and(|h| !model_source.iter().any(|s| s.contains(h)));
    let keep_rule = model_source.is_empty()
        || head_lost
        || (!same_source && named_in(gazetteer, text, &rule.source));
    if !keep_rule {
        if !same_source {
            a.antecedent = None;
            a.head = None;
            a.affiliation = None;
        }
        a.source = model_source.iter().map(|s| whole_name(text, *s)).collect();
    }
    // the speaker is not part of what was said
    let source = a.source.clone();
    a.content.retain(|c| !source.iter().any(|s| s.overlaps(*c)));
    if a.content.is_empty() && rule_cue.is_none() {
        a.content = rule.content.clone();
    } else {
        a.content.extend(elsewhere);
        a.content.sort();
        a.content.dedup();
    }
    a.content.retain(|c| !source.iter().any(|s| s.overlaps(*c)));
    a
}

/// An attribution only the model found: kind from the quotation marks, cue lemma and
/// stance from the lexicon, and for a pronoun source the source of the attribution before.
fn from_model(article: &Article, f: &Found, before: &[Attribution]) -> Attribution {
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
    let antecedent = match f.source.as_slice() {
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
        // "the spokesman said": the speaker last cited under that role ("a ministry
        // spokesman, Ali Rahim, said ..."), the name in that mention
        [s] => definite_role(s.slice(text)).and_then(|role| {
            before.iter().rev().take(ROLE_LOOKBACK).find_map(|b| {
                let src = b.source.first()?;
                let words = src.slice(text).to_lowercase();
                let holds = words
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == role);
                (holds && b.source.len() == 1 && !src.contains(*s))
                    .then(|| b.antecedent.or(b.head).unwrap_or(*src))
            })
        }),
        _ => None,
    };
    Attribution {
        sentence,
        kind,
        source: speakers_only(text, &f.source)
            .iter()
            .map(|s| whole_name(text, *s))
            .collect(),
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
        content: f.content.clone(),
        modifiers: Vec::new(),
        via: Vec::new(),
        head: None,
        affiliation: None,
        relays: false,
    }
}

/// Whether an attribution only the tagger found is too weak to keep: it has no source, no
/// word of its cue is a cue of the lexicon, and its content is not quoted. On news these
/// are mostly verbs and adjectives of the narrative taken for cues ("ignored", "always
/// paranoid about"), which would otherwise become claims of an unnamed speaker.
fn unsourced_guess(article: &Article, f: &Found) -> bool {
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
            super::lexicon::in_list(super::lexicon::DOCUMENT_NOUNS, noun)
        }
        _ => false,
    }
}

/// Is the cue a form of "add" followed by "to" and a lower-case noun that is no audience
/// ("added to the evidence"): to increase, not to speak?
fn adds_to_a_thing(text: &str, cue: Span) -> bool {
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

/// Writings that speak for whoever issued them ("the statement read", "this report
/// found").
const WRITINGS: &[&str] = &[
    "statement",
    "report",
    "announcement",
    "document",
    "letter",
    "communique",
    "release",
    "message",
];

/// "The statement", "this report": a writing named by its kind alone, which stands for the
/// speaker cited just before.
fn definite_writing(s: &str) -> bool {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["the" | "this" | "that", noun] => super::lexicon::in_list(WRITINGS, noun),
        _ => false,
    }
}

/// How many attributions back a role noun looks for the speaker it stands for.
const ROLE_LOOKBACK: usize = 8;

/// The role noun of "the spokesman", "the official", "this official": a definite mention
/// made of a role alone, in lower case.
fn definite_role(s: &str) -> Option<String> {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["the" | "this" | "that", noun]
            if super::lexicon::in_list(super::lexicon::ROLE_NOUNS, noun) =>
        {
            Some((*noun).to_string())
        }
        _ => None,
    }
}

fn is_pronoun(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i" | "his" | "her" | "their"
    )
}

/// Direct when every word of the content is inside quotation marks, mixed when some are,
/// indirect otherwise.
fn kind_of(article: &Article, content: &[Span]) -> AttributionKind {
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
mod tests {
    use super::*;

    fn found(text: &str, cue: &str, source: &str, content: &str) -> Found {
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
    fn merge_keeps_rule_metadata_and_model_spans() {
        let text = "The ministry said to Reuters that talks had failed.";
        let a = Article::new("t", text);
        let rules = super::super::rules::extract(&a, &Gazetteer::default());
        let r = rules.iter().find(|r| !r.cue.is_empty()).unwrap();
        let f = found(text, "said", "The ministry", "talks had failed");
        let m = merge(&a, &Gazetteer::default(), r, &f);
        assert_eq!(m.via, r.via);
        assert_eq!(m.stance, r.stance);
        assert_eq!(m.content, f.content);
        assert_eq!(m.source, f.source);
    }

    #[test]
    fn span_set_and_cue_index_agree_with_a_scan() {
        let spans = [
            Span::new(5, 9),
            Span::new(0, 3),
            Span::new(20, 40),
            Span::new(7, 7),
            Span::new(22, 25),
        ];
        let probes: Vec<Span> = (0..45)
            .flat_map(|s| (s..46).step_by(3).map(move |e| Span::new(s, e)))
            .collect();
        let mut set = SpanSet::new(spans.iter().map(|s| s.start));
        for (n, sp) in spans.iter().enumerate() {
            set.insert(*sp);
            let so_far = &spans[..=n];
            for p in &probes {
                assert_eq!(
                    set.holds(*p),
                    so_far.iter().any(|s| s.contains(*p)),
                    "{p:?}"
                );
                assert_eq!(
                    set.overlaps(*p),
                    so_far.iter().any(|s| p.overlaps(*s)),
                    "{p:?}"
                );
            }
        }
        let rules: Vec<Attribution> = spans
            .iter()
            .rev()
            .map(|c| {
                let mut a = from_model(&Article::new("t", "x"), &found("x", "x", "", "x"), &[]);
                a.cue = vec![*c];
                a
            })
            .collect();
        let index = CueIndex::new(&rules);
        for p in &probes {
            let scan = rules
                .iter()
                .position(|r| r.cue.iter().any(|c| c.overlaps(*p)));
            assert_eq!(index.first_overlapping(*p), scan, "{p:?}");
        }
    }
}
