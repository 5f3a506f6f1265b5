//! The extraction rules: cues, source noun phrases, content, quotes that run over several
//! sentences or paragraphs, nested reports, coreference and blocks.
//!
//! One sentence at a time, each cue found by [`find_cues`] gets a source (the noun phrase
//! before it, or after it in "…, said X", or the subject of the clause) and content (what
//! follows it, or what comes before the source in "“…,” the spokesperson said"). A pass
//! over the whole article then grows quoted content to the whole quotation (over sentences
//! and over paragraphs that reopen it), attaches fully quoted sentences that follow a
//! quote to its speaker, and drops the article's own voice from sentences that turned out
//! to be quoted.

use super::affiliation::Affiliations;
use super::content::*;
use super::coreference::coreference;
use super::cue_finder::find_cues;
use super::cues::{self, Stance};
use super::lexicon::*;
use super::mentions::Mentions;
use super::patterns::{according_frame, nominal_frame, verb_frame, Cx};
use super::phrases::*;
use super::prepare::{Prepared, Sentence};
use super::quotes::{closes, Quotes};
use super::tokens::Tok;
use super::{Attribution, AttributionKind};
use crate::corpus::Article;
use crate::sources::Gazetteer;
use crate::text::{Sentence as TextSentence, Span};
use std::collections::HashMap;

/// The state of the rules over one article: the attributions found so far, and what
/// coreference looks up among them.
pub(super) struct Ctx<'a> {
    /// The article text.
    pub text: &'a str,
    /// The article's sentences.
    pub sentences: &'a [TextSentence],
    /// The names in the article.
    pub mentions: &'a Mentions,
    /// The attributions so far, in text order.
    pub out: Vec<Attribution>,
    /// The organisations earlier sentences tie people to ("NAME is the ROLE of ORG").
    pub affiliations: Affiliations<'a>,
    /// The attributions with a source that are not the article's own voice, in order.
    cited: Vec<usize>,
    /// For a source mention or an antecedent, the last attribution with it.
    by_speaker: HashMap<Span, usize>,
    /// For a role noun, the last cited attribution whose source holds it.
    by_role: HashMap<&'static str, usize>,
}

impl<'a> Ctx<'a> {
    fn new(article: &'a Article, mentions: &'a Mentions) -> Ctx<'a> {
        Ctx {
            text: article.text.as_str(),
            sentences: &article.sentences,
            mentions,
            out: Vec::new(),
            affiliations: Affiliations::new(article),
            cited: Vec::new(),
            by_speaker: HashMap::new(),
            by_role: HashMap::new(),
        }
    }

    /// Adds an attribution. Its kind, source and antecedent do not change afterwards.
    pub fn push(&mut self, a: Attribution) {
        let i = self.out.len();
        if let Some(s) = a.source.first() {
            self.by_speaker.insert(*s, i);
        }
        if let Some(s) = a.antecedent {
            self.by_speaker.insert(s, i);
        }
        if a.kind != AttributionKind::Author && !a.source.is_empty() {
            self.cited.push(i);
            let lower = a.source[0].slice(self.text).to_lowercase();
            for role in ROLE_NOUNS {
                if lower.contains(role) {
                    self.by_role.insert(role, i);
                }
            }
        }
        self.out.push(a);
    }

    /// The last attribution whose source mention or antecedent is `span`.
    pub fn last_with_speaker(&self, span: Span) -> Option<&Attribution> {
        self.by_speaker.get(&span).map(|&i| &self.out[i])
    }

    /// The last attribution with a source that is not the article's own voice.
    pub fn last_cited(&self) -> Option<&Attribution> {
        self.cited.last().map(|&i| &self.out[i])
    }

    /// The last such attribution whose source mention holds `role` (one of
    /// [`ROLE_NOUNS`]), in lower case.
    pub fn last_cited_with_role(&self, role: &str) -> Option<&Attribution> {
        self.by_role.get(role).map(|&i| &self.out[i])
    }
}

/// Finds the attributions of an article. The names of `gazetteer` are found in the text
/// to tell what pronouns and role nouns stand for.
pub fn extract(article: &Article, gazetteer: &Gazetteer) -> Vec<Attribution> {
    let text = article.text.as_str();
    let prepared = Prepared::new(article, gazetteer);
    let mut ctx = Ctx::new(article, &prepared.mentions);
    let mut block: Option<Span> = None;
    for (si, sent) in article.sentences.iter().enumerate() {
        if let Some(h) = header(text, article.paragraphs[sent.paragraph]) {
            block = Some(h);
            continue;
        }
        let Some(s) = prepared.sentence(si) else {
            continue;
        };
        let before = ctx.out.len();
        sentence(&mut ctx, &s);
        if ctx.out.len() == before && is_statement(&s.toks) {
            ctx.push(Attribution {
                sentence: si,
                kind: AttributionKind::Author,
                source: Vec::new(),
                head: None,
                antecedent: None,
                cue: Vec::new(),
                cue_lemma: String::new(),
                stance: Stance::Assert,
                content: vec![sent.span],
                modifiers: Vec::new(),
                via: Vec::new(),
                affiliation: None,
                relays: false,
            });
        }
        if let Some(h) = block {
            for a in &mut ctx.out[before..] {
                if !a.via.contains(&h) {
                    a.via.push(h);
                }
            }
        }
    }
    let mut out = ctx.out;
    extend_quotes(article, &prepared.quotes, &mut out);
    out
}

/// A block header: a paragraph of at most five words ending in a colon ("Reuters:").
/// Returns the name without the colon.
fn header(text: &str, p: Span) -> Option<Span> {
    let s = p.slice(text).trim_end();
    let name = s.strip_suffix(':')?;
    (crate::text::sentences::is_block_header(s) && !name.contains(['.', '“', '"']))
        .then(|| Span::new(p.start, p.start + name.len()).trim(text))
}

fn is_statement(toks: &[Tok]) -> bool {
    let words = toks.iter().filter(|t| t.word).count();
    words >= 3 && !toks.last().is_some_and(|t| t.is("?"))
}

fn sentence(ctx: &mut Ctx, s: &Sentence) {
    let text = ctx.text;
    let (si, sspan, toks, around) = (s.index, s.span, s.toks.as_slice(), s.around);
    let hits = find_cues(toks);
    let first_in_sentence = ctx.out.len();
    if hits.is_empty() {
        if let Some((cue, (ns, ne), (cs, ce))) = nominal_frame(toks) {
            if let Some(cspan) = content_span(text, toks, cs, ce) {
                let src = span_of(toks, ns, ne);
                let antecedent = coreference(ctx, src, sspan);
                ctx.push(Attribution {
                    sentence: si,
                    kind: kind_of(toks, &[cspan]),
                    source: vec![src],
                    head: None,
                    antecedent,
                    cue: vec![cue],
                    cue_lemma: "report".into(),
                    stance: Stance::Assert,
                    content: vec![cspan],
                    modifiers: Vec::new(),
                    via: Vec::new(),
                    affiliation: None,
                    relays: false,
                });
            }
        }
        return;
    }
    for (h, hit) in hits.iter().enumerate() {
        let f = if hit.according {
            according_frame(toks, hit)
        } else {
            verb_frame(&Cx {
                toks,
                sentence: sspan,
                mentions: ctx.mentions,
                hit,
                next: hits.get(h + 1),
                has_prev: ctx.out.len() > first_in_sentence,
                around,
                frame: frame_start(toks, hit),
            })
        };
        let cspan = match (f.content, f.neighbour) {
            (Some((cs, ce)), _) => content_span(text, toks, cs, ce),
            (None, Some(q)) => Some(q.trim(text)),
            (None, None) => None,
        };
        let Some(cspan) = cspan else { continue };
        let mut content = vec![cspan];
        content.extend(f.rest.and_then(|(s, e)| content_span(text, toks, s, e)));
        let mut source_spans: Vec<Span> = f
            .source
            .map(|(s, e)| span_of(toks, s, e))
            .into_iter()
            .collect();
        let mut head = f.head.map(|(s, e)| span_of(toks, s, e));
        let mut antecedent = None;
        let mut via = f.via;
        if f.inherit {
            if let Some(prev) = ctx.out[first_in_sentence..].last() {
                source_spans = prev.source.clone();
                head = prev.head;
                antecedent = prev.antecedent;
                for v in &prev.via {
                    if !via.contains(v) {
                        via.push(*v);
                    }
                }
            }
        }
        if let Some(src) = head.or(source_spans.first().copied()) {
            antecedent = antecedent.or_else(|| coreference(ctx, src, sspan));
        }
        // a speaker resolved to an earlier attribution keeps that attribution's
        // intermediaries ("said to Newsweek ... However, the spokesperson refused")
        if let Some(prev) = antecedent.and_then(|ante| ctx.last_with_speaker(ante)) {
            for v in &prev.via {
                if !via.contains(v) {
                    via.push(*v);
                }
            }
        }
        let affiliation = head
            .or(antecedent)
            .or(source_spans.first().copied())
            .and_then(|name| {
                ctx.affiliations
                    .of(name, source_spans.first().copied(), sspan)
            });
        let kind = if hit.according {
            AttributionKind::AccordingTo
        } else if f.neighbour.is_some() {
            AttributionKind::Direct
        } else {
            kind_of(toks, &content)
        };
        let stance = cues::content_stance(hit.stance, cspan.slice(text));
        ctx.push(Attribution {
            sentence: si,
            kind,
            source: source_spans,
            head,
            antecedent,
            cue: vec![span_of(toks, hit.start, hit.end)],
            cue_lemma: hit.lemma.clone(),
            stance,
            content,
            modifiers: f.modifiers,
            via,
            affiliation,
            relays: false,
        });
    }
    relay_nested(&mut ctx.out[first_in_sentence..]);
}

/// Marks the attributions of one sentence whose content holds another one's cue as relays,
/// and adds their speaker to the inner one's intermediaries.
fn relay_nested(atts: &mut [Attribution]) {
    for o in 0..atts.len() {
        for i in 0..atts.len() {
            if o == i {
                continue;
            }
            let inner_cue = atts[i].cue.first().copied();
            let holds = inner_cue.is_some_and(|c| atts[o].content.iter().any(|x| x.contains(c)))
                && atts[i]
                    .source
                    .iter()
                    .all(|s| atts[o].content.iter().any(|x| x.contains(*s)));
            let outer_src = atts[o]
                .antecedent
                .or(atts[o].head)
                .or(atts[o].source.first().copied());
            if holds && !atts[o].source.is_empty() {
                atts[o].relays = true;
                let mut add: Vec<Span> = outer_src.into_iter().collect();
                add.extend(atts[o].via.iter().copied());
                for v in add {
                    if !atts[i].via.contains(&v) && atts[i].source.first() != Some(&v) {
                        atts[i].via.push(v);
                    }
                }
            }
        }
    }
}

/// Grows quoted content to its whole quotation: over the sentences it spans, over the
/// paragraphs that reopen it, and over fully quoted sentences that follow the quote in the
/// same paragraph. The article's own voice is dropped from sentences now quoted.
fn extend_quotes(article: &Article, quotes: &Quotes, out: &mut Vec<Attribution>) {
    let text = article.text.as_str();
    let sents = &article.sentences;
    let region_at =
        |para: usize, span: Span| quotes.regions[para].iter().position(|q| q.overlaps(span));
    let trimmed = |q: Span| q.trim(text);
    // the quotation regions, over paragraphs, that hold a span
    let chain = |para: usize, qi: usize| -> Vec<Span> {
        let mut spans = vec![quotes.regions[para][qi]];
        let (mut p, mut i) = (para, qi);
        while i == 0 && p > 0 && quotes.continues[p] {
            p -= 1;
            match quotes.regions[p].len().checked_sub(1) {
                Some(last) => {
                    spans.insert(0, quotes.regions[p][last]);
                    i = last;
                }
                None => break,
            }
        }
        let (mut p, mut i) = (para, qi);
        while i + 1 == quotes.regions[p].len()
            && p + 1 < quotes.regions.len()
            && quotes.continues[p + 1]
            && !closes(text, quotes.regions[p][i])
        {
            p += 1;
            if quotes.regions[p].is_empty() {
                break;
            }
            spans.push(quotes.regions[p][0]);
            i = 0;
        }
        spans
    };
    let mut carrier: Option<(usize, usize)> = None; // (attribution, paragraph) for following quotes
    let mut attached: Vec<(usize, Span)> = Vec::new();
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); sents.len()];
    for (i, a) in out.iter().enumerate() {
        if a.kind != AttributionKind::Author {
            if let Some(v) = by_sentence.get_mut(a.sentence) {
                v.push(i);
            }
        }
    }
    for (si, sent) in sents.iter().enumerate() {
        let para = sent.paragraph;
        let cited = &by_sentence[si];
        if !cited.is_empty() {
            // only a quotation carries on into the quotes that follow it
            carrier = cited
                .last()
                .filter(|&&i| {
                    matches!(
                        out[i].kind,
                        AttributionKind::Direct | AttributionKind::Mixed
                    )
                })
                .map(|&i| (i, para));
            continue;
        }
        let Some((ai, cpara)) = carrier else { continue };
        let s = sent.span;
        let starts_quoted =
            s.slice(text).starts_with(['“', '"']) || s.slice(text).starts_with("''");
        let words = crate::text::tokens::words(text, s);
        let all_quoted = words.iter().all(|w| {
            quotes.regions[para]
                .iter()
                .any(|q| q.start < w.span.start && w.span.end <= q.end)
        });
        let inside_attached = attached
            .last()
            .is_some_and(|(a, q)| *a == ai && q.contains(Span::new(s.start, s.start)));
        if cpara == para && all_quoted && inside_attached {
            continue;
        }
        if cpara != para || !starts_quoted || !all_quoted || words.is_empty() {
            carrier = None;
            continue;
        }
        if let Some(qi) = region_at(para, s) {
            attached.push((ai, quotes.regions[para][qi]));
        }
    }
    for (ai, q) in attached {
        let q = trimmed(q);
        if !out[ai].content.iter().any(|c| c.contains(q)) {
            out[ai].content.push(q);
            if out[ai].kind == AttributionKind::Indirect {
                out[ai].kind = AttributionKind::Mixed;
            }
        }
    }
    for a in out.iter_mut() {
        if a.kind == AttributionKind::Author {
            continue;
        }
        let para = sents[a.sentence].paragraph;
        let sspan = sents[a.sentence].span;
        let mut grown: Vec<Span> = Vec::new();
        for c in &a.content {
            let mut c = *c;
            let mut extra = Vec::new();
            for (qi, q) in quotes.regions[para].iter().enumerate() {
                if !q.overlaps(c) {
                    continue;
                }
                let spills = q.start < sspan.start || q.end > sspan.end;
                let q_in_para = Span::new(q.start.max(article.paragraphs[para].start), q.end);
                if spills && (q.start < c.start || q.end > c.end) {
                    if q.start < c.start && q.start < sspan.start {
                        c = Span::new(q_in_para.start, c.end);
                    }
                    if q.end > c.end && q.end > sspan.end {
                        c = Span::new(c.start, q_in_para.end);
                    }
                }
                for other in chain(para, qi) {
                    if other != *q {
                        extra.push(trimmed(other));
                    }
                }
            }
            grown.push(trimmed(c));
            grown.extend(extra);
        }
        grown.sort();
        grown.dedup();
        let mut merged: Vec<Span> = Vec::new();
        for g in grown {
            match merged.last_mut() {
                Some(m) if m.overlaps(g) || m.contains(g) => *m = m.cover(g),
                _ => merged.push(g),
            }
        }
        a.content = merged;
    }
    // the article's own voice of sentences that are now inside someone's quotation
    let covered: Vec<Span> = out
        .iter()
        .filter(|a| a.kind != AttributionKind::Author)
        .flat_map(|a| a.content.iter().copied())
        .collect();
    out.retain(|a| {
        a.kind != AttributionKind::Author
            || !a.content.iter().all(|s| {
                crate::text::tokens::words(text, *s)
                    .iter()
                    .all(|w| covered.iter().any(|c| c.contains(w.span)))
            })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::testutil::*;

    #[test]
    fn quote_over_several_paragraphs_speaker_first() {
        let text = "The harbour master said: “The first ship came in at dawn.\n\
                    “The second came at noon, and the third never came at all.”\n\
                    The harbour was closed afterwards.";
        let g = one(text);
        assert_eq!(g.source, "The harbour master");
        assert_eq!(g.kind, AttributionKind::Direct);
        assert_eq!(g.content.len(), 2, "{g:#?}");
        assert!(g.content[0].contains("first ship"));
        assert!(g.content[1].contains("third never came"));
    }

    #[test]
    fn quote_over_several_paragraphs_speaker_last() {
        let text = "“The first ship came in at dawn.\n\
                    “The second came at noon, and the third never came,” the harbour master said.";
        let g = one(text);
        assert_eq!(g.source, "the harbour master");
        assert_eq!(g.content.len(), 2, "{g:#?}");
        assert!(g.content[0].contains("first ship"));
        assert!(g.content[1].contains("third never came"));
    }

    #[test]
    fn quote_over_several_sentences() {
        let g = one("“The pumps failed. Nobody told us,” said Tomas Berg, a dock worker.");
        assert_eq!(g.source, "Tomas Berg, a dock worker");
        assert_eq!(g.head.as_deref(), Some("Tomas Berg"));
        assert_eq!(g.content, ["“The pumps failed. Nobody told us,”"]);
        assert_eq!(g.kind, AttributionKind::Direct);
        let text = "“The pumps failed,” Tomas Berg said. “Nobody told us. We waited.”";
        let g = one(text);
        assert_eq!(g.source, "Tomas Berg");
        assert_eq!(g.content.len(), 2, "{g:#?}");
        assert_eq!(g.content[1], "“Nobody told us. We waited.”");
    }

    #[test]
    fn block_headers_make_an_intermediary() {
        let text = "The dam held overnight.\n\
                    Northwire:\n\
                    The ministry said the dam was safe.\n\
                    Engineers were seen on the crest.\n\
                    Valdera Courier:\n\
                    The guild claimed the dam was cracked.";
        let all = run(text);
        assert_eq!(all.len(), 4, "{all:#?}");
        assert!(all[0].via.is_empty());
        assert_eq!(all[1].via, ["Northwire"]);
        assert_eq!(all[1].source, "The ministry");
        assert_eq!(all[2].kind, AttributionKind::Author);
        assert_eq!(all[2].via, ["Northwire"]);
        assert_eq!(all[3].via, ["Valdera Courier"]);
    }

    #[test]
    fn nested_report_adds_an_intermediary() {
        let all = cited("The ministry reported that two wells were closed, Northwire said.");
        let inner = all.iter().find(|g| g.source == "The ministry").unwrap();
        assert_eq!(inner.content, ["two wells were closed"]);
        assert_eq!(inner.via, ["Northwire"]);
    }

    /// Text made of pieces the rules react to: cues, names, quotation marks, commas.
    fn newsish() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "said",
            "says",
            "told",
            "according to",
            "warned of",
            "the report",
            "She",
            "they",
            "Elena Marsh",
            "Port Authority",
            "Northwire:",
            "“",
            "”",
            "\"",
            "''",
            "'",
            ",",
            ".",
            ":",
            "that",
            "on Friday",
            "adding",
            "the",
            "dam",
            "In a report,",
            "\n",
            "\n\n",
            "refused to confirm",
            "Mr.",
            "—",
            "is the editor of",
            "states",
            "and",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_and_spans_stay_in_the_text(text in newsish()) {
            let article = Article::new("p", text.clone());
            for a in extract(&article, &gazetteer()) {
                for s in a.source.iter().chain(&a.cue).chain(&a.content).chain(&a.via) {
                    proptest::prop_assert!(s.start <= s.end && s.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
            }
        }

        #[test]
        fn never_panics_on_any_string(text in proptest::prelude::any::<String>()) {
            let article = Article::new("p", text);
            let _ = extract(&article, &gazetteer());
        }
    }
}
