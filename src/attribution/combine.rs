//! The extractor claimgraph uses: the learned tagger finds the attributions and their
//! spans; the rules add what the tagger does not give (stance, intermediaries, what a
//! pronoun stands for, block headers) and the article's own voice.

use super::cues;
use super::model::{Found, Model};
use super::model_only::{adds_to_a_thing, from_model, is_pronoun, unsourced_guess};
use super::source_span::{speakers_only, whole_name, without_fronted_adjunct};
use super::{Attribution, AttributionKind};
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
    // the tagger's attributions whose cue holds no word of the lexicon or of stance
    let mut unlisted: Vec<bool> = Vec::with_capacity(found.len());
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
        unlisted.push(!listed_cue(article.text.as_str(), f.cue));
        out.push(a);
    }
    drop_deeds_inside_reports(&mut out, &unlisted);
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
    super::whole_quotes::extend(article, &mut out);
    super::accounts::split(article, &mut out);
    out
}

/// Does a word of the cue at `cue` belong to the cue lexicon or say a stance ("slammed")?
fn listed_cue(text: &str, cue: Span) -> bool {
    cue.slice(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| cues::lookup(w).is_some() || cues::stance_of_word(&w.to_lowercase()).is_some())
}

/// Drops the tagger's attributions whose cue is no cue word ("ignored") and stands inside
/// the content of an attribution of the same sentence whose cue is one and comes after
/// it: in "The owner
/// ignored two reports, the Courier reported." the owner's deed is what the Courier
/// reported, not something the owner said. `unlisted[i]` tells whether `atts[i]`'s cue
/// is no cue word.
fn drop_deeds_inside_reports(atts: &mut Vec<Attribution>, unlisted: &[bool]) {
    let mut by_sentence: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    for (i, a) in atts.iter().enumerate() {
        by_sentence.entry(a.sentence).or_default().push(i);
    }
    let inside: Vec<bool> = atts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            unlisted[i]
                && a.cue.first().is_some_and(|c| {
                    by_sentence[&a.sentence].iter().any(|&j| {
                        j != i
                            && !unlisted[j]
                            && atts[j].cue.first().is_some_and(|jc| jc.start > c.start)
                            && atts[j].content.iter().any(|x| x.contains(*c))
                    })
                })
        })
        .collect();
    let mut k = 0;
    atts.retain(|_| {
        k += 1;
        !inside[k - 1]
    });
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
    // "Valdera's foreign minister Tomas Berg": a possessive the model took for the
    // whole source opens the rules' longer one
    let possessive_cut = matches!(model_source.as_slice(), [m]
        if m.slice(text).ends_with("'s") || m.slice(text).ends_with("’s"))
        && rule
            .source
            .first()
            .is_some_and(|r| r.contains(model_source[0]) && r.len() > model_source[0].len());
    // "The report – which was handed to relatives – said": the model's source inside the
    // parenthesis between dashes that the rules passed over
    let in_parenthesis = match (rule.source.first(), model_source.first()) {
        (Some(r), Some(m)) => {
            m.end > r.end
                && r.end <= f.cue.start
                && text[r.end..f.cue.start]
                    .trim_start()
                    .starts_with(['–', '—'])
        }
        _ => false,
    };
    let keep_rule = model_source.is_empty()
        || head_lost
        || possessive_cut
        || in_parenthesis
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
    without_fronted_adjunct(text, &a.source, &mut a.content);
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::model_only::tests::found;

    #[test]
    fn a_deed_inside_a_report_after_it_is_no_attribution() {
        let text = "The owner ignored two reports, the Courier reported.";
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        let att = |cue: &str, source: &str, content: &str| Attribution {
            sentence: 0,
            kind: AttributionKind::Indirect,
            source: vec![at(source)],
            head: None,
            antecedent: None,
            cue: vec![at(cue)],
            cue_lemma: String::new(),
            stance: crate::attribution::Stance::Assert,
            content: vec![at(content)],
            modifiers: Vec::new(),
            via: Vec::new(),
            affiliation: None,
            relays: false,
        };
        assert!(!listed_cue(text, at("ignored")));
        assert!(listed_cue(text, at("reported")));
        let deed = att("ignored", "The owner", "two reports");
        let report = att("reported", "the Courier", "The owner ignored two reports");
        let mut atts = vec![deed.clone(), report.clone()];
        drop_deeds_inside_reports(&mut atts, &[true, false]);
        assert_eq!(atts, std::slice::from_ref(&report));
        // a deed that comes after the report's cue stays: the report's content may run on
        let text2 = "The Courier reported the figures, and the owner ignored two reports.";
        let at2 = |w: &str| {
            let i = text2.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        let mut early = report;
        early.cue = vec![at2("reported")];
        early.content = vec![at2("the figures, and the owner ignored two reports")];
        let mut late = deed;
        late.cue = vec![at2("ignored")];
        let mut atts = vec![early, late];
        drop_deeds_inside_reports(&mut atts, &[false, true]);
        assert_eq!(atts.len(), 2);
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
    fn a_possessive_the_model_took_for_the_source_gives_way_to_the_whole_phrase() {
        let text = "Valdera's foreign minister Tomas Berg called the refusal outrageous, adding \
                    that the guild was lying.";
        let a = Article::new("t", text);
        let rules = super::super::rules::extract(&a, &Gazetteer::default());
        let r = rules.iter().find(|r| !r.cue.is_empty()).unwrap();
        let f = found(text, "adding", "Valdera's", "the guild was lying");
        let m = merge(&a, &Gazetteer::default(), r, &f);
        let source: Vec<&str> = m.source.iter().map(|s| s.slice(text)).collect();
        assert_eq!(source, ["Valdera's foreign minister Tomas Berg"]);
    }

    #[test]
    fn a_source_the_model_found_inside_a_parenthesis_gives_way_to_the_rules() {
        let text = "The long-awaited report – which was handed to relatives of the dead \
                    passengers – did not say who fired.";
        let a = Article::new("t", text);
        let rules = super::super::rules::extract(&a, &Gazetteer::default());
        let r = rules.iter().find(|r| !r.cue.is_empty()).unwrap();
        // a source inside the parenthesis, or one across it
        for model_source in [
            "relatives of the dead passengers –",
            "The long-awaited report – which was handed to relatives of the dead passengers –",
        ] {
            let f = found(text, "did not say", model_source, "who fired");
            let m = merge(&a, &Gazetteer::default(), r, &f);
            let source: Vec<&str> = m.source.iter().map(|s| s.slice(text)).collect();
            assert_eq!(source, ["The long-awaited report"], "{model_source}");
        }
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
