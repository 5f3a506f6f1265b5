//! Training the tagger, the lemmatiser and the parser from a CoNLL-U treebank.
//!
//! Deterministic: sentence order is shuffled by a seeded generator, weights are integers
//! until the final average, and the folds of jack-knifing, trained in parallel, are put
//! together in fold order; so the same treebank and options give the same model bytes.

pub mod lemma;
pub mod oracle;
pub mod perceptron;

use crate::parse::conllu::Sentence;
use crate::parse::labels::{Deprel, Upos};
use crate::parse::lexical::Lex;
use crate::parse::linear::Weights;
use crate::parse::parser::{self, Tokens};
use crate::parse::system::{class, Move, State, CLASSES};
use crate::parse::tagger::{self, Lexicon};
use crate::parse::{Parser, Tag};
use oracle::Oracle;
use perceptron::{Averaged, DenseAveraged, Rng};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::collections::HashMap;
use std::time::Instant;

/// Settings of training.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// Passes of the parser over the training sentences.
    pub epochs: usize,
    /// Passes of the tagger.
    pub tagger_epochs: usize,
    /// Folds of jack-knifing: the parser trains on tags given by taggers that did not
    /// see the sentence (0 or 1: on gold tags).
    pub folds: usize,
    /// Seed of the shuffles and of exploration.
    pub seed: u64,
    /// The first parser epoch (from 0) that follows the model's own mistakes.
    pub explore_from: usize,
    /// How often the parser follows a mistaken prediction from then on.
    pub explore: f64,
    /// Averaged parser weights (transitions and relations) smaller than this in
    /// magnitude are dropped from the model.
    pub min_weight: f64,
    /// The same for the tagger's weights, whose small weights matter more.
    pub tagger_min_weight: f64,
    /// Size of the transition weight table, as a power of two.
    pub table_bits: u32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 12,
            tagger_epochs: 12,
            folds: 5,
            seed: 0x00C1_A1A5,
            explore_from: 1,
            explore: 0.9,
            min_weight: 2.0,
            tagger_min_weight: 0.5,
            table_bits: 20,
        }
    }
}

/// Splits a treebank for tuning: every `k`-th document (a `# newdoc` comment starts
/// one; a treebank without them is one document a sentence) is held out, the others are
/// kept for training. Whole documents, so that the held-out sentences are as new to the
/// model as another treebank's would be.
pub fn hold_out(sentences: Vec<Sentence>, k: usize) -> (Vec<Sentence>, Vec<Sentence>) {
    let k = k.max(1);
    let has_docs = sentences
        .iter()
        .any(|s| s.comments.iter().any(|c| c.starts_with("# newdoc")));
    let mut doc = 0usize;
    let (mut fit, mut held) = (Vec::new(), Vec::new());
    for (i, s) in sentences.into_iter().enumerate() {
        if !has_docs {
            doc = i;
        } else if i > 0 && s.comments.iter().any(|c| c.starts_with("# newdoc")) {
            doc += 1;
        }
        if doc % k == k - 1 {
            held.push(s);
        } else {
            fit.push(s);
        }
    }
    (fit, held)
}

/// One training sentence, ready for the learners.
struct Example {
    lex: Vec<Lex>,
    tags: Vec<u16>,
    heads: Vec<u32>,
    labels: Vec<u8>,
}

/// The tag inventory of the sentences, sorted.
fn tag_set(sentences: &[Sentence]) -> Result<Vec<Tag>, String> {
    let mut set = BTreeSet::new();
    for s in sentences {
        for w in &s.words {
            let upos = Upos::from_name(&w.upos)
                .ok_or_else(|| format!("line {}: unknown UPOS {:?}", w.line, w.upos))?;
            set.insert(Tag {
                upos,
                xpos: w.xpos.clone(),
            });
        }
    }
    if set.len() > usize::from(u16::MAX) {
        return Err("more than 65535 distinct tags".into());
    }
    Ok(set.into_iter().collect())
}

fn examples(sentences: &[Sentence], tags: &[Tag]) -> Result<Vec<Example>, String> {
    let mut lower = String::new();
    sentences
        .iter()
        .map(|s| {
            let mut ex = Example {
                lex: Vec::with_capacity(s.words.len()),
                tags: Vec::with_capacity(s.words.len()),
                heads: vec![0],
                labels: vec![0],
            };
            for (i, w) in s.words.iter().enumerate() {
                ex.lex.push(Lex::of(&w.form, i == 0, &mut lower));
                let upos = Upos::from_name(&w.upos).expect("checked by tag_set");
                let key = Tag {
                    upos,
                    xpos: w.xpos.clone(),
                };
                ex.tags
                    .push(tags.binary_search(&key).expect("in the tag set") as u16);
                let head = w
                    .head
                    .parse::<u32>()
                    .map_err(|_| format!("line {}: no head", w.line))?;
                ex.heads.push(head);
                let rel = Deprel::parse(&w.deprel)
                    .ok_or_else(|| format!("line {}: unknown relation {:?}", w.line, w.deprel))?;
                if (rel == Deprel::Root) != (head == 0) {
                    return Err(format!(
                        "line {}: the root relation goes with head 0 only",
                        w.line
                    ));
                }
                ex.labels.push(rel as u8);
            }
            let roots = ex.heads[1..].iter().filter(|&&h| h == 0).count();
            if roots != 1 || !is_tree(&ex.heads) {
                return Err(format!(
                    "line {}: the sentence's heads are not a tree with one root",
                    s.line
                ));
            }
            Ok(ex)
        })
        .collect()
}

/// Whether every word reaches the root.
fn is_tree(heads: &[u32]) -> bool {
    (1..heads.len()).all(|d| {
        let mut x = d;
        for _ in 0..heads.len() {
            if x == 0 {
                return true;
            }
            x = heads[x] as usize;
        }
        false
    })
}

fn argmax(scores: &[i64]) -> usize {
    let mut best = 0;
    for (c, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = c;
        }
    }
    best
}

/// Fewest times a word must be seen to be in the tagger's lexicon.
const LEXICON_MIN: usize = 2;

/// The tagger's lexicon from `data`.
fn lexicon(data: &[&Example], tags: &[Tag]) -> Lexicon {
    let mut seen: HashMap<u64, (usize, u32)> = HashMap::new();
    for ex in data {
        for (l, &t) in ex.lex.iter().zip(&ex.tags) {
            let e = seen.entry(l.lower).or_default();
            e.0 += 1;
            e.1 |= 1 << (tags[usize::from(t)].upos as u32);
        }
    }
    Lexicon {
        words: seen
            .into_iter()
            .filter(|(_, (n, _))| *n >= LEXICON_MIN)
            .map(|(k, (_, m))| (k, m))
            .collect(),
    }
}

/// Trains a tagger on `data`, tagging with its own predictions as history.
fn train_tagger(
    data: &[&Example],
    tags: &[Tag],
    ntags: usize,
    epochs: usize,
    seed: u64,
) -> Averaged {
    // each sentence's words get their tag sets from the other sentences, as new text
    // would from the whole lexicon
    const PARTS: usize = 5;
    let mut lexes = vec![Vec::new(); data.len()];
    for part in 0..PARTS {
        let others: Vec<&Example> = data
            .iter()
            .enumerate()
            .filter(|(i, _)| i % PARTS != part)
            .map(|(_, e)| *e)
            .collect();
        let lex = lexicon(&others, tags);
        for (i, ex) in data.iter().enumerate().filter(|(i, _)| i % PARTS == part) {
            let mut l = ex.lex.clone();
            lex.fill(&mut l);
            lexes[i] = l;
        }
    }
    let mut m = Averaged::new(ntags);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let (mut feats, mut scores, mut pred) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let ex = data[i];
            pred.clear();
            for j in 0..ex.lex.len() {
                tagger::features(&lexes[i], j, &pred, &mut feats);
                m.scores(&feats, &mut scores);
                let p = argmax(&scores);
                m.update(&feats, usize::from(ex.tags[j]), p);
                m.tick();
                pred.push(p as u16);
            }
        }
    }
    m
}

fn tag_all(w: &Weights, lexicon: &Lexicon, data: &[&Example]) -> Vec<Vec<u16>> {
    let (mut feats, mut scores) = (Vec::new(), Vec::new());
    data.iter()
        .map(|ex| {
            let mut tags = Vec::new();
            let mut lex = ex.lex.clone();
            tagger::tag(w, lexicon, &mut lex, &mut tags, &mut feats, &mut scores);
            tags
        })
        .collect()
}

/// The tags the parser trains on: by jack-knifing, each sentence tagged by a tagger
/// trained on the folds without it.
fn jackknife(data: &[Example], tags: &[Tag], opts: &TrainOptions) -> Vec<Vec<u16>> {
    let ntags = tags.len();
    let k = opts.folds;
    if k < 2 {
        return data.iter().map(|e| e.tags.clone()).collect();
    }
    let folds: Vec<Vec<(usize, Vec<u16>)>> = (0..k)
        .into_par_iter()
        .map(|f| {
            let train: Vec<&Example> = data
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != f)
                .map(|(_, e)| e)
                .collect();
            let held: Vec<usize> = (0..data.len()).filter(|i| i % k == f).collect();
            let lex = lexicon(&train, tags);
            let m = train_tagger(
                &train,
                tags,
                ntags,
                opts.tagger_epochs,
                opts.seed ^ (f as u64 + 1),
            )
            .freeze(opts.tagger_min_weight);
            let refs: Vec<&Example> = held.iter().map(|&i| &data[i]).collect();
            held.into_iter().zip(tag_all(&m, &lex, &refs)).collect()
        })
        .collect();
    let mut out = vec![Vec::new(); data.len()];
    for (i, tags) in folds.into_iter().flatten() {
        out[i] = tags;
    }
    out
}

struct ParseExample {
    tokens: Tokens,
    heads: Vec<u32>,
    labels: Vec<u8>,
}

/// The parser's models being trained.
struct ParserTraining {
    moves: DenseAveraged,
    labels: Averaged,
    allowed: Vec<bool>,
}

/// Trains the parser by the dynamic oracle.
fn train_parser(
    data: &[ParseExample],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> ParserTraining {
    let mut allowed = vec![false; CLASSES];
    allowed[0] = true;
    for ex in data {
        let o = Oracle {
            heads: &ex.heads,
            labels: &ex.labels,
        };
        for c in o.static_sequence() {
            allowed[c] = true;
        }
    }
    let mut moves = DenseAveraged::new(opts.table_bits, 3);
    let mut labels = Averaged::new(Deprel::ALL.len());
    let mut rng = Rng::new(opts.seed ^ 0x9a25e);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let (mut feats, mut lfeats, mut lscores, mut st) =
        (Vec::new(), Vec::new(), Vec::new(), State::default());
    const KINDS: [Move; 3] = [Move::Shift, Move::Left, Move::Right];
    for epoch in 0..opts.epochs {
        let t0 = Instant::now();
        rng.shuffle(&mut order);
        let (mut right, mut total, mut lright, mut ltotal) = (0usize, 0usize, 0usize, 0usize);
        let explore = epoch >= opts.explore_from;
        for &i in &order {
            let ex = &data[i];
            let o = Oracle {
                heads: &ex.heads,
                labels: &ex.labels,
            };
            st.reset(ex.heads.len() - 1);
            while !st.terminal() {
                parser::features(&st, &ex.tokens, &mut feats);
                let scores = moves.scores(&feats);
                let costs = o.move_costs(&st);
                let min = *costs.iter().min().expect("three kinds");
                let best = |ok: &dyn Fn(usize) -> bool| {
                    (0..3)
                        .filter(|&k| costs[k] != u32::MAX && ok(k))
                        .fold(None, |b: Option<usize>, k| match b {
                            Some(j) if scores[j] >= scores[k] => Some(j),
                            _ => Some(k),
                        })
                        .expect("a valid transition")
                };
                let pred = best(&|_| true);
                let gold = best(&|k| costs[k] == min);
                total += 1;
                if costs[pred] == min {
                    right += 1;
                } else {
                    moves.update(&feats, gold, pred);
                }
                moves.tick();
                let wander = explore && costs[pred] != min && rng.chance(opts.explore);
                let k = if wander || costs[pred] == min {
                    pred
                } else {
                    gold
                };
                let mv = KINDS[k];
                let c = match mv {
                    Move::Shift => 0,
                    Move::Left if st.b0() == 0 => class(Move::Left, Deprel::Root as usize),
                    _ => {
                        let (h, d) = parser::arc(&st, mv);
                        let left = mv == Move::Left;
                        parser::label_features(&st, &ex.tokens, h, d, left, &mut lfeats);
                        labels.scores(&lfeats, &mut lscores);
                        let ls: Vec<i32> = lscores
                            .iter()
                            .map(|&x| x.clamp(i32::MIN as i64, i32::MAX as i64) as i32)
                            .collect();
                        let pl = parser::best_label(&ls, &allowed, left);
                        let mut l = pl;
                        if ex.heads[d as usize] == h {
                            let gl = usize::from(ex.labels[d as usize]);
                            ltotal += 1;
                            if pl == gl {
                                lright += 1;
                            } else {
                                labels.update(&lfeats, gl, pl);
                            }
                            labels.tick();
                            if !(explore && rng.chance(opts.explore)) {
                                l = gl;
                            }
                        }
                        class(mv, l)
                    }
                };
                st.apply(c);
            }
        }
        log(&format!(
            "parser epoch {}: {:.4} of moves and {:.4} of relations right, {} relation features, {:.1}s",
            epoch + 1,
            right as f64 / total.max(1) as f64,
            lright as f64 / ltotal.max(1) as f64,
            labels.features(),
            t0.elapsed().as_secs_f64()
        ));
    }
    ParserTraining {
        moves,
        labels,
        allowed,
    }
}

/// Trains a tagger, lemmatiser and parser on `sentences`; `log` hears of progress.
pub fn train(
    sentences: &[Sentence],
    opts: &TrainOptions,
    mut log: impl FnMut(&str),
) -> Result<Parser, String> {
    let t0 = Instant::now();
    let tags = tag_set(sentences)?;
    let data = examples(sentences, &tags)?;
    let ntags = tags.len();
    log(&format!("{} sentences, {} tags", data.len(), ntags));

    let samples: Vec<lemma::Sample<'_>> = sentences
        .iter()
        .zip(&data)
        .flat_map(|(s, ex)| {
            s.words.iter().zip(&ex.tags).map(|(w, &t)| lemma::Sample {
                form: &w.form,
                tag: usize::from(t),
                lemma: &w.lemma,
            })
        })
        .collect();
    let past: Vec<bool> = tags
        .iter()
        .map(|t| t.xpos == "VBD" || t.xpos == "VBN")
        .collect();
    let lemmas = lemma::learn(&samples, ntags, past);
    log(&format!(
        "lemmatiser: {} rules, {} suffixes, {} words",
        lemmas.rules.len(),
        lemmas.suffixes.len(),
        lemmas.words.len()
    ));

    let (predicted, full) = rayon::join(
        || jackknife(&data, &tags, opts),
        || {
            let all: Vec<&Example> = data.iter().collect();
            let lex = lexicon(&all, &tags);
            let m = train_tagger(&all, &tags, ntags, opts.tagger_epochs, opts.seed);
            (m.freeze(opts.tagger_min_weight), lex)
        },
    );
    let (full, lexicon) = full;
    let (right, total) = data.iter().zip(&predicted).fold((0, 0), |(r, t), (ex, p)| {
        (
            r + ex.tags.iter().zip(p).filter(|(a, b)| a == b).count(),
            t + p.len(),
        )
    });
    log(&format!(
        "tagger: {} features; jack-knifed tags {:.4} right; {:.1}s",
        full.features(),
        right as f64 / total.max(1) as f64,
        t0.elapsed().as_secs_f64()
    ));

    let mut lifted = 0;
    let parse_data: Vec<ParseExample> = data
        .iter()
        .zip(&predicted)
        .map(|(ex, tags)| {
            let mut tokens = Tokens::default();
            tokens.clear();
            for (lex, &t) in ex.lex.iter().zip(tags) {
                tokens.push(lex.lower, u64::from(t));
            }
            tokens.close();
            let mut heads = ex.heads.clone();
            lifted += oracle::projectivize(&mut heads);
            ParseExample {
                tokens,
                heads,
                labels: ex.labels.clone(),
            }
        })
        .collect();
    log(&format!("{lifted} non-projective arcs lifted"));
    let trained = train_parser(&parse_data, opts, &mut log);
    let moves = trained.moves.freeze(opts.min_weight);
    let labels = trained.labels.freeze(opts.min_weight);
    log(&format!(
        "parser: {} of {} transition rows used, {} relation features, {} weights; {:.1}s in all",
        moves.used(),
        1usize << moves.bits(),
        labels.features(),
        labels.entries(),
        t0.elapsed().as_secs_f64()
    ));
    Ok(Parser::from_parts(
        tags,
        full,
        lexicon,
        lemmas,
        moves,
        labels,
        trained.allowed,
    ))
}
