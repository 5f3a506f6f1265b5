//! Headline/body stance: does an article agree with a claim, disagree with it, discuss it
//! without taking a side, or speak of something else? (The FNC-1 task.)
//!
//! The model follows the FNC-1 winners' recipes, combined: UCL's multilayer perceptron
//! over the term frequencies of the body (a vocabulary of the most frequent training
//! stems, function words left out) and the TF-IDF cosine of headline and body, with the
//! official baseline's kind of hand features beside them (term, bigram and trigram overlap
//! over the body, its lead and its best-matching sentence; refuting, negating, hedging and
//! confirming words in the headline, in the body and in the sentences that speak of the
//! headline). The headline has no bag of words of its own: FNC-1 pairs each headline with
//! many bodies, and such a bag lets the model learn the training headlines by heart
//! instead of judging a new claim. One hidden layer of ReLU units with dropout, a softmax
//! over the four classes, Adam. The input weights are stored as signed bytes with one
//! scale per input.
//!
//! The weights trained on the FNC-1 training bodies ship with the crate
//! ([`StanceModel::embedded`]); [`train`] rebuilds them byte for byte, as training is
//! deterministic: one thread, a fixed seed, sums in a fixed order.

mod codec;
mod features;
mod mlp;
mod text;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;

use crate::eval::stance::{self as es, Stance, StanceRow, StanceScores};
use features::{Text, Vocabulary, DENSE};
use mlp::{Net, Rng, CLASSES};

/// The weights trained on FNC-1's `training_ids.txt` bodies with the default
/// [`TrainOptions`].
const EMBEDDED: &[u8] = include_bytes!("stance.model");

/// The model's judgement of one headline and body.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct StancePrediction {
    /// The most probable stance.
    pub stance: Stance,
    /// The probability of each stance, in the order of [`Stance::ALL`]; they sum to 1.
    pub probabilities: [f32; 4],
}

impl StancePrediction {
    fn from_probabilities(probabilities: [f32; 4]) -> StancePrediction {
        let best = (0..4)
            .max_by(|&a, &b| {
                probabilities[a]
                    .total_cmp(&probabilities[b])
                    .then(b.cmp(&a))
            })
            .unwrap_or(3);
        StancePrediction {
            stance: Stance::ALL[best],
            probabilities,
        }
    }

    /// The probability of one stance.
    pub fn probability(&self, stance: Stance) -> f32 {
        self.probabilities[stance.index()]
    }

    /// The probability that the body is about the headline's claim at all (agree,
    /// disagree or discuss).
    pub fn related(&self) -> f32 {
        1.0 - self.probability(Stance::Unrelated)
    }
}

/// A body prepared once for any number of headlines (see [`StanceModel::prepare_body`]).
#[derive(Clone, Debug)]
pub struct PreparedBody {
    text: Text,
    /// The body's bag-of-words contribution to the hidden layer.
    z: Vec<f32>,
}

/// The learned stance model.
#[derive(Clone, Debug, PartialEq)]
pub struct StanceModel {
    vocab: Vocabulary,
    /// Mean of each dense feature on the training pairs.
    mean: [f32; DENSE],
    /// Standard deviation of each dense feature (1 where it was 0).
    std: [f32; DENSE],
    /// Quantised input weights: one scale per input...
    scales: Vec<f32>,
    /// ... and `hidden` signed bytes per input.
    q1: Vec<i8>,
    /// The network, with the input weights as the bytes stand for.
    net: Net,
}

/// Settings of [`train`].
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// Bag-of-words vocabulary size (the most frequent training stems).
    pub vocabulary: usize,
    /// Least number of training texts a stem must occur in to get its own IDF.
    pub min_df: usize,
    /// Hidden units.
    pub hidden: usize,
    /// Passes over the training pairs.
    pub epochs: usize,
    /// Pairs per update.
    pub batch: usize,
    /// Adam's step size.
    pub learning_rate: f32,
    /// Probability of keeping a hidden unit during training (dropout).
    pub keep: f32,
    /// L2 penalty on the weights.
    pub l2: f32,
    /// Weight of the loss of `disagree` pairs (the rarest class); the others weigh 1.
    pub disagree_weight: f32,
    /// Seed of initialisation, shuffling and dropout.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            vocabulary: 5000,
            min_df: 2,
            hidden: 100,
            epochs: 10,
            batch: 500,
            learning_rate: 0.01,
            keep: 0.6,
            l2: 1e-5,
            disagree_weight: 3.0,
            seed: 0x5747_4e43,
        }
    }
}

/// One labelled headline/body pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabeledPair {
    /// The headline (or claim).
    pub headline: String,
    /// The body it is paired with.
    pub body_id: u32,
    /// The gold stance.
    pub stance: Stance,
}

/// Labelled pairs and the bodies they refer to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StanceData {
    /// Bodies by id.
    pub bodies: BTreeMap<u32, String>,
    /// Pairs in file order.
    pub pairs: Vec<LabeledPair>,
}

impl StanceData {
    /// Reads FNC-1 files: the stances CSV (`Headline,Body ID,Stance`), the bodies CSV
    /// (`Body ID,articleBody`) and, optionally, a list of body ids to keep. Errors name the
    /// file and line: an unreadable or malformed file, an unknown stance label, a body id
    /// with no body.
    pub fn load(stances: &Path, bodies: &Path, ids: Option<&Path>) -> Result<StanceData, String> {
        let rows = es::read_stance_lines(stances)?;
        let mut all_bodies = es::read_bodies(bodies)?;
        let ids = ids.map(es::read_ids).transpose()?;
        let mut pairs = Vec::new();
        for (line, row) in rows {
            if ids.as_ref().is_some_and(|ids| !ids.contains(&row.body_id)) {
                continue;
            }
            let stance = es::parse_stance(&row.stance).map_err(|e| {
                format!(
                    "{}:{line}: {e} (expected agree, disagree, discuss or unrelated)",
                    stances.display()
                )
            })?;
            if !all_bodies.contains_key(&row.body_id) {
                return Err(format!(
                    "{}:{line}: body id {} is not in {}",
                    stances.display(),
                    row.body_id,
                    bodies.display()
                ));
            }
            pairs.push(LabeledPair {
                headline: row.headline,
                body_id: row.body_id,
                stance,
            });
        }
        let used: BTreeSet<u32> = pairs.iter().map(|p| p.body_id).collect();
        all_bodies.retain(|id, _| used.contains(id));
        Ok(StanceData {
            bodies: all_bodies,
            pairs,
        })
    }

    /// The pairs whose body id satisfies `keep`, with their bodies.
    pub fn subset(&self, keep: impl Fn(u32) -> bool) -> StanceData {
        let pairs: Vec<LabeledPair> = self
            .pairs
            .iter()
            .filter(|p| keep(p.body_id))
            .cloned()
            .collect();
        let bodies = self
            .bodies
            .iter()
            .filter(|(id, _)| keep(**id))
            .map(|(id, b)| (*id, b.clone()))
            .collect();
        StanceData { bodies, pairs }
    }

    /// The pairs as gold rows for [`crate::eval::stance::score`].
    pub fn gold_rows(&self) -> Vec<StanceRow> {
        self.pairs
            .iter()
            .map(|p| StanceRow {
                headline: p.headline.clone(),
                body_id: p.body_id,
                stance: p.stance.as_str().to_string(),
            })
            .collect()
    }
}

impl StanceModel {
    /// The model that ships with claimgraph, trained on the FNC-1 training bodies.
    pub fn embedded() -> &'static StanceModel {
        static MODEL: OnceLock<StanceModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            StanceModel::from_bytes(EMBEDDED).expect("the embedded stance model is well formed")
        })
    }

    /// Reads a model written by [`StanceModel::to_bytes`], or says what is wrong with the
    /// bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<StanceModel, String> {
        codec::read(bytes)
    }

    /// The model as bytes: a header, the vocabulary with its IDF, the scaling of the
    /// dense features and the network's weights (input weights as signed bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        codec::write(self)
    }

    fn assemble(
        vocab: Vocabulary,
        mean: [f32; DENSE],
        std: [f32; DENSE],
        scales: Vec<f32>,
        q1: Vec<i8>,
        mut net: Net,
    ) -> StanceModel {
        net.w1 = mlp::dequantise_rows(&scales, &q1, net.hidden);
        StanceModel {
            vocab,
            mean,
            std,
            scales,
            q1,
            net,
        }
    }

    /// Bag-of-words vocabulary size.
    fn tf_size(&self) -> usize {
        self.vocab.tf_size
    }

    /// Prepares a body once for many headlines: its terms, sentences and cue words, and
    /// its share of the hidden layer.
    pub fn prepare_body(&self, body: &str) -> PreparedBody {
        let text = Text::new(body, &self.vocab);
        let mut z = vec![0.0; self.net.hidden];
        self.net.accumulate(&text.tf, &mut z);
        PreparedBody { text, z }
    }

    /// Prepares a headline (or a claim) for [`StanceModel::predict_prepared`].
    pub fn prepare_headline(&self, headline: &str) -> PreparedHeadline {
        PreparedHeadline(Text::new(headline, &self.vocab))
    }

    fn dense_inputs(&self, head: &Text, body: &Text, x: &mut Vec<(u32, f32)>) {
        let f = features::dense(head, body);
        let base = self.tf_size() as u32;
        for (k, v) in f.iter().enumerate() {
            x.push((base + k as u32, (v - self.mean[k]) / self.std[k]));
        }
    }

    /// The stance of a prepared headline toward a prepared body.
    pub fn predict_prepared(
        &self,
        head: &PreparedHeadline,
        body: &PreparedBody,
    ) -> StancePrediction {
        let mut x = Vec::with_capacity(DENSE);
        self.dense_inputs(&head.0, &body.text, &mut x);
        let mut z = body.z.clone();
        self.net.accumulate(&x, &mut z);
        StancePrediction::from_probabilities(self.net.output(&z))
    }

    /// The stance of `body` toward `headline` (a headline, or a claim in a sentence).
    pub fn predict(&self, headline: &str, body: &str) -> StancePrediction {
        self.predict_prepared(&self.prepare_headline(headline), &self.prepare_body(body))
    }

    /// The stances of many (headline, body) pairs, in order. Each distinct body and
    /// headline is prepared once; the work is spread over rayon's threads, and the
    /// results do not depend on their number.
    pub fn predict_batch(&self, pairs: &[(&str, &str)]) -> Vec<StancePrediction> {
        let mut body_index: HashMap<&str, usize> = HashMap::new();
        let mut head_index: HashMap<&str, usize> = HashMap::new();
        let mut bodies: Vec<&str> = Vec::new();
        let mut heads: Vec<&str> = Vec::new();
        let slots: Vec<(usize, usize)> = pairs
            .iter()
            .map(|&(h, b)| {
                let hi = *head_index.entry(h).or_insert_with(|| {
                    heads.push(h);
                    heads.len() - 1
                });
                let bi = *body_index.entry(b).or_insert_with(|| {
                    bodies.push(b);
                    bodies.len() - 1
                });
                (hi, bi)
            })
            .collect();
        let bodies: Vec<PreparedBody> = bodies.par_iter().map(|b| self.prepare_body(b)).collect();
        let heads: Vec<PreparedHeadline> =
            heads.par_iter().map(|h| self.prepare_headline(h)).collect();
        slots
            .par_iter()
            .map(|&(h, b)| self.predict_prepared(&heads[h], &bodies[b]))
            .collect()
    }

    /// Predictions for gold-style rows whose bodies are in `bodies`, as rows of the same
    /// headline and body with the predicted label. Errors name a body id with no body.
    pub fn predict_rows(
        &self,
        rows: &[StanceRow],
        bodies: &BTreeMap<u32, String>,
    ) -> Result<Vec<StanceRow>, String> {
        let mut pairs = Vec::with_capacity(rows.len());
        for r in rows {
            let body = bodies
                .get(&r.body_id)
                .ok_or_else(|| format!("body id {} has no body", r.body_id))?;
            pairs.push((r.headline.as_str(), body.as_str()));
        }
        Ok(self
            .predict_batch(&pairs)
            .into_iter()
            .zip(rows)
            .map(|(p, r)| StanceRow {
                headline: r.headline.clone(),
                body_id: r.body_id,
                stance: p.stance.as_str().to_string(),
            })
            .collect())
    }
}

/// A headline prepared for [`StanceModel::predict_prepared`].
#[derive(Clone, Debug)]
pub struct PreparedHeadline(Text);

/// Trains a model on labelled pairs. The same data and options give the same model, byte
/// for byte. `progress` hears a line per pass.
pub fn train(
    data: &StanceData,
    opts: &TrainOptions,
    mut progress: impl FnMut(&str),
) -> StanceModel {
    // each distinct headline and body once, in a fixed order
    let heads: Vec<&str> = data
        .pairs
        .iter()
        .map(|p| p.headline.as_str())
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .collect();
    let body_ids: Vec<u32> = data
        .pairs
        .iter()
        .map(|p| p.body_id)
        .collect::<BTreeSet<u32>>()
        .into_iter()
        .collect();
    let head_words: Vec<Vec<text::Word>> = heads.par_iter().map(|h| text::analyse(h)).collect();
    let body_words: Vec<Vec<text::Word>> = body_ids
        .par_iter()
        .map(|id| text::analyse(data.bodies.get(id).map_or("", String::as_str)))
        .collect();
    let mut all: Vec<Vec<text::Word>> = head_words;
    all.extend(body_words);
    let vocab = Vocabulary::build(&all, opts.vocabulary, opts.min_df);
    let (head_words, body_words) = all.split_at(heads.len());
    let head_texts: Vec<Text> = head_words
        .par_iter()
        .zip(&heads)
        .map(|(w, h)| Text::from_words(w, h.contains('?'), &vocab))
        .collect();
    let body_texts: Vec<Text> = body_words
        .par_iter()
        .zip(&body_ids)
        .map(|(w, id)| {
            let raw = data.bodies.get(id).map_or("", String::as_str);
            Text::from_words(w, raw.contains('?'), &vocab)
        })
        .collect();
    let head_of: HashMap<&str, usize> = heads.iter().enumerate().map(|(i, h)| (*h, i)).collect();
    let body_of: HashMap<u32, usize> = body_ids.iter().enumerate().map(|(i, b)| (*b, i)).collect();
    let items: Vec<(usize, usize, usize)> = data
        .pairs
        .iter()
        .map(|p| {
            (
                head_of[p.headline.as_str()],
                body_of[&p.body_id],
                p.stance.index(),
            )
        })
        .collect();
    let dense: Vec<[f32; DENSE]> = items
        .par_iter()
        .map(|&(h, b, _)| features::dense(&head_texts[h], &body_texts[b]))
        .collect();
    // standardise the dense features
    let n = dense.len().max(1) as f64;
    let mut mean = [0f32; DENSE];
    let mut std = [1f32; DENSE];
    for k in 0..DENSE {
        let m = dense.iter().map(|f| f64::from(f[k])).sum::<f64>() / n;
        let var = dense
            .iter()
            .map(|f| (f64::from(f[k]) - m).powi(2))
            .sum::<f64>()
            / n;
        mean[k] = m as f32;
        std[k] = if var > 1e-12 { var.sqrt() as f32 } else { 1.0 };
    }
    let v = vocab.tf_size;
    let inputs = v + DENSE;
    let mut class_weights = [1.0; CLASSES];
    class_weights[Stance::Disagree.index()] = opts.disagree_weight;
    let settings = mlp::Settings {
        epochs: opts.epochs,
        batch: opts.batch,
        learning_rate: opts.learning_rate,
        keep: opts.keep,
        l2: opts.l2,
        clip: 5.0,
        class_weights,
        seed: opts.seed,
    };
    let net = mlp::train(
        inputs,
        opts.hidden,
        items.len(),
        &settings,
        |i, x| {
            let (_, b, y) = items[i];
            x.extend_from_slice(&body_texts[b].tf);
            for (k, f) in dense[i].iter().enumerate() {
                x.push(((v + k) as u32, (f - mean[k]) / std[k]));
            }
            y
        },
        &mut progress,
    );
    let (scales, q1) = mlp::quantise_rows(&net.w1, net.hidden);
    StanceModel::assemble(vocab, mean, std, scales, q1, net)
}

/// The figures of a cross-validation: each fold's and those of all folds' predictions
/// together.
#[derive(Clone, Debug)]
pub struct CrossValidation {
    /// Scores of each fold's held-out pairs.
    pub folds: Vec<StanceScores>,
    /// Scores of every pair, each predicted by the model that did not see its body.
    pub pooled: StanceScores,
}

/// How [`cross_validate`] splits the pairs into folds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    /// By body, as the FNC-1 hold-out is split: a held-out body is new, but its
    /// headlines were seen with other bodies.
    Bodies,
    /// By topic: headlines and bodies linked by a related pair (agree, disagree,
    /// discuss) stay in one fold, and only pairs whose headline and body are both in the
    /// held-out fold are scored; pairs across folds are left out. Every held-out claim is
    /// new to the model, as a claim a user types would be.
    Topics,
}

/// Which fold each pair is in, or `None` when the split leaves it out.
fn assign_folds(data: &StanceData, k: usize, split: Split, seed: u64) -> Vec<Option<usize>> {
    let mut rng = Rng::new(seed ^ 0xf01d);
    match split {
        Split::Bodies => {
            let mut ids: Vec<u32> = data.bodies.keys().copied().collect();
            rng.shuffle(&mut ids);
            let fold: HashMap<u32, usize> =
                ids.iter().enumerate().map(|(i, &id)| (id, i % k)).collect();
            data.pairs
                .iter()
                .map(|p| fold.get(&p.body_id).copied())
                .collect()
        }
        Split::Topics => {
            // union-find over bodies (0..nb) and headlines (nb..)
            let bodies: Vec<u32> = data.bodies.keys().copied().collect();
            let body_of: HashMap<u32, usize> =
                bodies.iter().enumerate().map(|(i, &b)| (b, i)).collect();
            let heads: Vec<&str> = data
                .pairs
                .iter()
                .map(|p| p.headline.as_str())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let head_of: HashMap<&str, usize> = heads
                .iter()
                .enumerate()
                .map(|(i, &h)| (h, bodies.len() + i))
                .collect();
            let mut parent: Vec<usize> = (0..bodies.len() + heads.len()).collect();
            fn root(parent: &mut [usize], mut x: usize) -> usize {
                while parent[x] != x {
                    parent[x] = parent[parent[x]];
                    x = parent[x];
                }
                x
            }
            for p in &data.pairs {
                if p.stance != Stance::Unrelated {
                    let a = root(&mut parent, body_of[&p.body_id]);
                    let b = root(&mut parent, head_of[p.headline.as_str()]);
                    parent[a.max(b)] = a.min(b);
                }
            }
            let mut roots: Vec<usize> = (0..parent.len())
                .filter(|&x| root(&mut parent, x) == x)
                .collect();
            rng.shuffle(&mut roots);
            let fold: HashMap<usize, usize> =
                roots.iter().enumerate().map(|(i, &r)| (r, i % k)).collect();
            data.pairs
                .iter()
                .map(|p| {
                    let a = fold[&root(&mut parent, body_of[&p.body_id])];
                    let b = fold[&root(&mut parent, head_of[p.headline.as_str()])];
                    (a == b).then_some(a)
                })
                .collect()
        }
    }
}

/// Splits the pairs into `k` folds (see [`Split`]; a seeded shuffle of sorted ids),
/// trains on all folds but one and predicts the one left out, for each fold. Folds train
/// in parallel, each on one thread, so the figures do not depend on the number of threads.
pub fn cross_validate(
    data: &StanceData,
    opts: &TrainOptions,
    k: usize,
    split: Split,
    progress: impl Fn(&str) + Sync,
) -> CrossValidation {
    let k = k.max(2);
    let folds_of = assign_folds(data, k, split, opts.seed);
    let part = |f: usize, inside: bool| -> StanceData {
        let pairs: Vec<LabeledPair> = data
            .pairs
            .iter()
            .zip(&folds_of)
            .filter(|(_, g)| g.is_some_and(|g| (g == f) == inside))
            .map(|(p, _)| p.clone())
            .collect();
        let used: BTreeSet<u32> = pairs.iter().map(|p| p.body_id).collect();
        let bodies = data
            .bodies
            .iter()
            .filter(|(id, _)| used.contains(id))
            .map(|(id, b)| (*id, b.clone()))
            .collect();
        StanceData { bodies, pairs }
    };
    let results: Vec<(StanceData, Vec<StanceRow>)> = (0..k)
        .into_par_iter()
        .map(|f| {
            let fit = part(f, false);
            let held = part(f, true);
            let model = train(&fit, opts, |line| {
                if line.starts_with(&format!("pass {}:", opts.epochs)) {
                    progress(&format!("fold {}: {line}", f + 1));
                }
            });
            let pred = model
                .predict_rows(&held.gold_rows(), &held.bodies)
                .expect("every held-out pair has its body");
            (held, pred)
        })
        .collect();
    let mut folds = Vec::new();
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    for (held, p) in results {
        let g = held.gold_rows();
        folds.push(es::score(&g, &p, None));
        gold.extend(g);
        pred.extend(p);
    }
    CrossValidation {
        folds,
        pooled: es::score(&gold, &pred, None),
    }
}

#[cfg(test)]
mod tests;
