//! Training the stance model and cross-validating it. Training is deterministic: one
//! thread, a fixed seed, sums in a fixed order, so the same data and options give the same
//! model, byte for byte.

use super::*;
use std::fmt;

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

impl TrainOptions {
    /// The options with the values that would make no model brought into range: at least
    /// one hidden unit, and a keep probability from 0.01 to 1.
    pub fn clamped(self) -> TrainOptions {
        TrainOptions {
            hidden: self.hidden.max(1),
            keep: self.keep.clamp(0.01, 1.0),
            ..self
        }
    }
}

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

impl fmt::Display for CrossValidation {
    /// Each fold's figures, then all folds' together, each block ending with a newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let k = self.folds.len();
        for (i, s) in self.folds.iter().enumerate() {
            writeln!(f, "fold {} of {k}:\n{s}", i + 1)?;
        }
        writeln!(f, "all folds:\n{}", self.pooled)
    }
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
