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
mod train;

pub use train::{cross_validate, train, CrossValidation, Split, TrainOptions};

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;

use crate::lab::eval::stance::{self as es, Stance, StanceRow, StanceScores};
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

    /// The pairs as gold rows for [`crate::lab::eval::stance::score`].
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

/// Reads a stance model file (one `claimgraph train stance` wrote). Errors name the file.
pub fn read_model(path: &Path) -> Result<StanceModel, String> {
    let bytes = crate::corpus::read_data(path)?;
    StanceModel::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// `claimgraph eval stance`: predicts the stance of the FNC-1 pairs in `stances` (those
/// whose body id is in the `ids` file, when given) with the embedded model or the one in
/// `model`, writes the predictions to `predictions` when asked, and scores them as the
/// reference scorer does. `progress` hears how fast the pairs were predicted. Errors name
/// the file and line: an unreadable or malformed file, a gold label that is none of the
/// four, a body id with no body or with two.
pub fn evaluate(
    stances: &Path,
    bodies: &Path,
    ids: Option<&Path>,
    predictions: Option<&Path>,
    model: Option<&Path>,
    mut progress: impl FnMut(&str),
) -> Result<StanceScores, String> {
    let gold = es::read_stance_lines(stances)?;
    let texts = es::read_bodies(bodies)?;
    let ids = ids.map(es::read_ids).transpose()?;
    let loaded;
    let model = match model {
        Some(path) => {
            loaded = read_model(path)?;
            &loaded
        }
        None => StanceModel::embedded(),
    };
    let mut pairs = Vec::new();
    for (line, row) in &gold {
        // the scorer compares gold labels as they are: one that is none of the four
        // would be scored as wrong everywhere, so it is refused
        if !Stance::ALL.iter().any(|c| c.as_str() == row.stance) {
            return Err(format!(
                "{}:{line}: unknown gold stance {:?} (expected agree, disagree, discuss or \
                 unrelated)",
                stances.display(),
                row.stance
            ));
        }
        if ids.as_ref().is_some_and(|ids| !ids.contains(&row.body_id)) {
            continue;
        }
        let body = texts.get(&row.body_id).ok_or_else(|| {
            format!(
                "{}:{line}: body id {} is not in {}",
                stances.display(),
                row.body_id,
                bodies.display()
            )
        })?;
        pairs.push((row, body.as_str()));
    }
    let start = std::time::Instant::now();
    let found = model.predict_batch(
        &pairs
            .iter()
            .map(|(r, b)| (r.headline.as_str(), *b))
            .collect::<Vec<_>>(),
    );
    let secs = start.elapsed().as_secs_f64();
    progress(&format!(
        "predicted {} pairs in {secs:.2} s ({:.0} pairs/s, {} threads)",
        pairs.len(),
        pairs.len() as f64 / secs.max(1e-9),
        rayon::current_num_threads()
    ));
    let pred: Vec<StanceRow> = pairs
        .iter()
        .zip(found)
        .map(|((r, _), p)| StanceRow {
            headline: r.headline.clone(),
            body_id: r.body_id,
            stance: p.stance.as_str().to_string(),
        })
        .collect();
    if let Some(p) = predictions {
        es::write_predictions(p, &pred)?;
    }
    let gold: Vec<StanceRow> = gold.into_iter().map(|(_, r)| r).collect();
    Ok(es::score(&gold, &pred, ids.as_ref()))
}

#[cfg(test)]
mod tests;
