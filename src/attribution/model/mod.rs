//! A learned attribution tagger, trained on PolNeAR's training split.
//!
//! Two averaged-perceptron sequence taggers over hashed lexical features: the first marks
//! cues in each sentence ("said", "according to", "declined to comment"), the second,
//! run once per cue over the cue's paragraph, marks that cue's source and content. The
//! weights ship with the crate (`attribution.model`, made by `claimgraph train
//! attribution`) and training is deterministic, so the same data and options give the
//! same bytes.

mod codec;
mod features;
mod perceptron;
mod sheet;

pub use sheet::Sheet;

use crate::corpus::spans::{SpanAttribution, SpanDoc};
use crate::corpus::Article;
use crate::text::Span;
use features::{cue_tag, role_tag};
use perceptron::{Rng, Sequence, Tagger, Trainer};
use std::sync::OnceLock;

/// The weights trained on PolNeAR's `train.jsonl` with the default [`TrainOptions`].
const EMBEDDED: &[u8] = include_bytes!("attribution.model");

/// One attribution found by the model: the cue, and the source and content fragments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The cue, one fragment.
    pub cue: Span,
    /// Source fragments (usually one, none when the tagger found no source).
    pub source: Vec<Span>,
    /// Content fragments, in text order.
    pub content: Vec<Span>,
}

/// The two taggers.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    cue: Tagger,
    role: Tagger,
}

/// Settings of training.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffle before each pass.
    pub seed: u64,
    /// Feature table size of the cue tagger, as a power of two.
    pub cue_bits: u32,
    /// Feature table size of the role tagger, as a power of two.
    pub role_bits: u32,
    /// Averaged weights smaller than this in magnitude are dropped: they come from
    /// features seen once or twice and only make the model file larger.
    pub min_weight: f32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 12,
            seed: 0x00C1_A1A5,
            cue_bits: 18,
            role_bits: 18,
            min_weight: 1.5,
        }
    }
}

impl Model {
    /// The model that ships with claimgraph.
    pub fn embedded() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(EMBEDDED).expect("the embedded attribution model is well formed")
        })
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let (cue, role) = codec::read(bytes)?;
        if cue.ntags != cue_tag::N || role.ntags != role_tag::N {
            return Err("the model's tag sets do not match this version".into());
        }
        Ok(Model { cue, role })
    }

    /// The model as bytes: a small header, then each tagger's transitions and its
    /// non-zero weights, quantised.
    pub fn to_bytes(&self) -> Vec<u8> {
        codec::write(&self.cue, &self.role)
    }

    /// Finds the attributions of `article`.
    pub fn find(&self, article: &Article) -> Vec<Found> {
        let sheet = Sheet::new(article);
        let mut seq = Sequence::new();
        let mut out = Vec::new();
        for &(lo, hi) in &sheet.sentences {
            features::cue_sequence(&sheet, lo, hi, &mut seq);
            let tags = self.cue.decode(&seq);
            for (cs, ce) in runs(&tags, cue_tag::B, cue_tag::I) {
                let (cs, ce) = (lo + cs, lo + ce);
                let (wlo, whi) = features::role_window(&sheet, cs, ce);
                features::role_sequence(&sheet, wlo, whi, cs, ce, &mut seq);
                let roles = self.role.decode(&seq);
                let span = |a: usize, b: usize| {
                    Span::new(
                        sheet.toks[wlo + a].span.start,
                        sheet.toks[wlo + b - 1].span.end,
                    )
                };
                let content: Vec<Span> = runs(&roles, role_tag::BC, role_tag::IC)
                    .into_iter()
                    .map(|(a, b)| span(a, b + stray_last_word(&sheet, wlo + b)))
                    .collect();
                if content.is_empty() {
                    continue;
                }
                // one source fragment: the run nearest the cue
                let source: Vec<Span> = runs(&roles, role_tag::BS, role_tag::IS)
                    .into_iter()
                    .min_by_key(|&(a, b)| {
                        let (a, b) = (wlo + a, wlo + b);
                        if b <= cs {
                            cs - b
                        } else {
                            a.saturating_sub(ce)
                        }
                    })
                    .map(|(a, b)| widen_to_word(&article.text, span(a, b)))
                    .into_iter()
                    .collect();
                let cue = Span::new(sheet.toks[cs].span.start, sheet.toks[ce - 1].span.end);
                let cue = Some(cue.trim_with(&article.text, &[':', ',']))
                    .filter(|c| !c.is_empty())
                    .unwrap_or(cue);
                let source = if source.is_empty() {
                    continued_source(&sheet, article, &out, cs).unwrap_or_default()
                } else {
                    source
                };
                out.push(Found {
                    cue,
                    source,
                    content,
                });
            }
        }
        cut_at_coordinated_cues(&article.text, &mut out);
        out
    }
}

/// Ends a content where a coordinated cue of the same speaker begins ("expressed that
/// ... and noted that ..."): the second verb starts an attribution of its own.
fn cut_at_coordinated_cues(text: &str, found: &mut [Found]) {
    let cues: Vec<Span> = found.iter().map(|f| f.cue).collect();
    for f in found.iter_mut() {
        for c in &mut f.content {
            let inner = cues.iter().filter(|q| c.contains(**q) && q.start > c.start);
            for q in inner {
                let before = text[c.start..q.start].trim_end();
                let Some(head) = before.strip_suffix("and") else {
                    continue;
                };
                if !head.ends_with(|ch: char| ch.is_whitespace() || ch == ',') {
                    continue;
                }
                let cut = Span::new(c.start, c.start + head.len()).trim_with(text, &[',']);
                if !cut.is_empty() {
                    *c = cut;
                    break;
                }
            }
        }
    }
}

/// 1 when the token at `k` is the last word of its sentence, with only marks after it:
/// a content that stops just before it ("would end this | week.") takes it.
fn stray_last_word(sheet: &Sheet, k: usize) -> usize {
    let Some(t) = sheet.toks.get(k) else {
        return 0;
    };
    let (_, end) = sheet.sentences[sheet.sentence_index(t.sentence)];
    let marks_after = sheet.toks[k + 1..end]
        .iter()
        .all(|n| n.mark != sheet::Mark::None);
    usize::from(
        t.mark == sheet::Mark::None
            && k > 0
            && sheet.toks[k - 1].mark == sheet::Mark::None
            && marks_after,
    )
}

/// Widens a span that starts or ends inside a hyphenated word ("ISIS-Khorasan") to the
/// whole word.
fn widen_to_word(text: &str, span: Span) -> Span {
    let word = |c: char| c.is_alphanumeric() || c == '-';
    let start = text[..span.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| word(c))
        .last()
        .map_or(span.start, |(i, _)| i);
    let end = span.end
        + text[span.end..]
            .char_indices()
            .take_while(|&(_, c)| word(c))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
    let widened = Span::new(start, end);
    // only across a hyphen: plain word boundaries are already token boundaries
    if widened.slice(text).trim_matches('-').contains('-') {
        widened.trim_with(text, &['-'])
    } else {
        span
    }
}

/// The source of a cue that continues an earlier attribution of the same sentence without
/// a subject of its own: a participle ("..., noting that ...") or a verb after "and"
/// ("said ... and added ..."). It is the earlier attribution's source.
fn continued_source(
    sheet: &Sheet,
    article: &Article,
    found: &[Found],
    cs: usize,
) -> Option<Vec<Span>> {
    let cue = &sheet.toks[cs];
    let word = cue.span.slice(&article.text);
    let prev = cs.checked_sub(1).map(|k| &sheet.toks[k]);
    let joined = prev.is_some_and(|p| {
        p.sentence == cue.sentence
            && matches!(
                p.span.slice(&article.text).to_lowercase().as_str(),
                "and" | "," | "also"
            )
    });
    if !(word.ends_with("ing") || joined) {
        return None;
    }
    let sentence = article.sentences.get(cue.sentence as usize)?.span;
    found
        .iter()
        .rev()
        .take_while(|f| sentence.contains(f.cue))
        .find(|f| !f.source.is_empty())
        .map(|f| f.source.clone())
}

/// The `[start, end)` runs of a B/I tag pair in `tags`.
fn runs(tags: &[u8], b: u8, i: u8) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, &t) in tags.iter().enumerate() {
        if t == b || (t == i && start.is_none()) {
            if let Some(s) = start {
                out.push((s, k));
            }
            start = Some(k);
        } else if t != i {
            if let Some(s) = start.take() {
                out.push((s, k));
            }
        }
    }
    if let Some(s) = start {
        out.push((s, tags.len()));
    }
    out
}

/// Tags of `[lo, hi)` for the given fragments: B on the first token of each, I after.
fn tag_fragments(
    sheet: &Sheet,
    lo: usize,
    hi: usize,
    frags: &[[usize; 2]],
    b: u8,
    i: u8,
    tags: &mut [u8],
) {
    for f in frags {
        let (a, e) = sheet.token_range(f[0], f[1]);
        let (a, e) = (a.max(lo), e.min(hi));
        for k in a..e {
            tags[k - lo] = if k == a { b } else { i };
        }
    }
}

/// One training document: its sheet and gold attributions.
struct Doc {
    sheet: Sheet,
    gold: Vec<SpanAttribution>,
}

/// Trains a model on gold documents in the span schema. Deterministic: the same documents
/// and options give the same model.
pub fn train(docs: &[SpanDoc], opts: &TrainOptions, mut progress: impl FnMut(&str)) -> Model {
    let docs: Vec<Doc> = docs
        .iter()
        .map(|d| {
            let article = Article::new(d.id.clone(), d.text.clone().unwrap_or_default());
            Doc {
                sheet: Sheet::new(&article),
                gold: d.attributions.clone(),
            }
        })
        .collect();
    let mut rng = Rng::new(opts.seed);
    let mut seq = Sequence::new();

    // cue tagger: one sequence per sentence
    let mut items: Vec<(usize, usize)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.sheet.sentences.len()).map(move |s| (d, s)))
        .collect();
    let allowed = features::bio_allowed(cue_tag::N, &[(cue_tag::B, cue_tag::I)]);
    let mut trainer = Trainer::new(Tagger::new(cue_tag::N, opts.cue_bits, allowed));
    let mut tags = Vec::new();
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut items);
        let (mut wrong, mut total) = (0, 0);
        for &(d, s) in &items {
            let doc = &docs[d];
            let (lo, hi) = doc.sheet.sentences[s];
            tags.clear();
            tags.resize(hi - lo, cue_tag::O);
            for a in &doc.gold {
                tag_fragments(
                    &doc.sheet,
                    lo,
                    hi,
                    &a.cue,
                    cue_tag::B,
                    cue_tag::I,
                    &mut tags,
                );
            }
            features::cue_sequence(&doc.sheet, lo, hi, &mut seq);
            wrong += trainer.learn(&seq, &tags);
            total += hi - lo;
        }
        progress(&format!(
            "cue tagger, pass {}: {wrong} of {total} tokens wrong",
            epoch + 1
        ));
    }
    let mut cue = trainer.finish();
    cue.prune(opts.min_weight);
    cue.freeze();

    // role tagger: one sequence per gold attribution with a cue
    let mut items: Vec<(usize, usize)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            doc.gold
                .iter()
                .enumerate()
                .filter(|(_, a)| !a.cue.is_empty())
                .map(move |(k, _)| (d, k))
        })
        .collect();
    let allowed = features::bio_allowed(
        role_tag::N,
        &[(role_tag::BS, role_tag::IS), (role_tag::BC, role_tag::IC)],
    );
    let mut trainer = Trainer::new(Tagger::new(role_tag::N, opts.role_bits, allowed));
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut items);
        let (mut wrong, mut total) = (0, 0);
        for &(d, k) in &items {
            let doc = &docs[d];
            let a = &doc.gold[k];
            let (cs, ce) = doc.sheet.token_range(a.cue[0][0], a.cue[0][1]);
            if cs >= ce {
                continue;
            }
            let (lo, hi) = features::role_window(&doc.sheet, cs, ce);
            tags.clear();
            tags.resize(hi - lo, role_tag::O);
            tag_fragments(
                &doc.sheet,
                lo,
                hi,
                &a.content,
                role_tag::BC,
                role_tag::IC,
                &mut tags,
            );
            tag_fragments(
                &doc.sheet,
                lo,
                hi,
                &a.source,
                role_tag::BS,
                role_tag::IS,
                &mut tags,
            );
            for k in cs..ce {
                tags[k - lo] = role_tag::O;
            }
            features::role_sequence(&doc.sheet, lo, hi, cs, ce, &mut seq);
            wrong += trainer.learn(&seq, &tags);
            total += hi - lo;
        }
        progress(&format!(
            "role tagger, pass {}: {wrong} of {total} tokens wrong",
            epoch + 1
        ));
    }
    let mut role = trainer.finish();
    role.prune(opts.min_weight);
    role.freeze();
    Model { cue, role }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_widen_across_hyphens_only() {
        let text = "ISIS-Khorasan seeks more. The Kremlin said so.";
        assert_eq!(widen_to_word(text, Span::new(5, 13)), Span::new(0, 13));
        assert_eq!(widen_to_word(text, Span::new(30, 37)), Span::new(30, 37));
    }

    #[test]
    fn runs_split_on_begin_tags() {
        assert_eq!(
            runs(&[0, 1, 2, 0, 1, 1, 2], 1, 2),
            vec![(1, 3), (4, 5), (5, 7)]
        );
        assert_eq!(runs(&[2, 2, 0], 1, 2), vec![(0, 2)]);
        assert!(runs(&[0, 0], 1, 2).is_empty());
    }
}
