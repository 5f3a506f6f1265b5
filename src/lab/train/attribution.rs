//! Training the attribution tagger ([`crate::attribution::model`]) on gold documents in
//! the span schema (PolNeAR's), and the hold-out split for work on training data alone.
//! Training is deterministic: the same documents and options give the same model, byte
//! for byte (`claimgraph train attribution` rebuilds the embedded one).

use super::perceptron::{Rng, Trainer};
use crate::attribution::model::features::{self, cue_tag, role_tag};
use crate::attribution::model::tagger::{Sequence, Tagger};
use crate::attribution::model::{Model, Sheet};
use crate::corpus::spans::{SpanAttribution, SpanDoc};
use crate::corpus::Article;

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

/// The allowed transitions of a B/I tag set: an inside tag only after its begin tag or
/// itself, never first. `pairs` lists each (begin, inside) pair.
pub fn bio_allowed(ntags: usize, pairs: &[(u8, u8)]) -> Vec<bool> {
    let mut allowed = vec![true; (ntags + 1) * ntags];
    for &(b, i) in pairs {
        for prev in 0..=ntags {
            if prev != b as usize && prev != i as usize {
                allowed[prev * ntags + i as usize] = false;
            }
        }
    }
    allowed
}

/// The tokens overlapping the byte range `[start, end)`, as a token range.
fn token_range(sheet: &Sheet, start: usize, end: usize) -> (usize, usize) {
    let a = sheet.toks.partition_point(|t| t.span.end <= start);
    let b = sheet.toks.partition_point(|t| t.span.start < end);
    (a, b.max(a))
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
        let (a, e) = token_range(sheet, f[0], f[1]);
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
    let allowed = bio_allowed(cue_tag::N, &[(cue_tag::B, cue_tag::I)]);
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
    let allowed = bio_allowed(
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
            let (cs, ce) = token_range(&doc.sheet, a.cue[0][0], a.cue[0][1]);
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

/// Splits documents for training on all but every `k`-th (the 0th, `k`-th, ... are held
/// out), or holds none out without `k`. `k` must be 2 or more.
pub fn split_hold_out(
    docs: Vec<SpanDoc>,
    k: Option<usize>,
) -> Result<(Vec<SpanDoc>, Vec<SpanDoc>), String> {
    let (fit, held): (Vec<_>, Vec<_>) = match k {
        Some(k) if k >= 2 => docs.into_iter().enumerate().partition(|(i, _)| i % k != 0),
        Some(_) => return Err("--hold-out needs K of 2 or more".into()),
        None => (docs.into_iter().enumerate().collect(), Vec::new()),
    };
    let strip = |v: Vec<(usize, SpanDoc)>| v.into_iter().map(|(_, d)| d).collect();
    Ok((strip(fit), strip(held)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_ranges_cover_overlapping_tokens() {
        let a = Article::new("t", "He said “we won’t go,” and left.");
        let s = Sheet::new(&a);
        assert_eq!(token_range(&s, 3, 7), (1, 2));
        assert_eq!(token_range(&s, 4, 12), (1, 4));
    }

    #[test]
    fn inside_tags_follow_their_begin_tag_only() {
        // tags 0 = O, 1 = B, 2 = I; the last row is the start
        let allowed = bio_allowed(3, &[(1, 2)]);
        assert_eq!(allowed.len(), 12);
        assert!(allowed[3 + 2] && allowed[2 * 3 + 2]);
        assert!(!allowed[2] && !allowed[3 * 3 + 2]);
        assert!(allowed[1] && allowed[3 * 3 + 1]);
    }

    #[test]
    fn hold_out_takes_every_kth_document() {
        let docs: Vec<SpanDoc> = (0..7)
            .map(|i| SpanDoc {
                id: i.to_string(),
                text: None,
                attributions: Vec::new(),
            })
            .collect();
        let ids = |v: &[SpanDoc]| v.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        let (fit, held) = split_hold_out(docs.clone(), Some(3)).unwrap();
        assert_eq!(ids(&held), ["0", "3", "6"]);
        assert_eq!(ids(&fit), ["1", "2", "4", "5"]);
        let (fit, held) = split_hold_out(docs.clone(), None).unwrap();
        assert_eq!((fit.len(), held.len()), (7, 0));
        assert!(split_hold_out(docs, Some(1))
            .unwrap_err()
            .contains("2 or more"));
    }
}
