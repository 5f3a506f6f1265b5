//! The averaged perceptron for training, with sparse rows, and a small random number
//! generator for deterministic shuffles and exploration.
//!
//! Weights move by whole units, so they are kept as integers and so is the running sum
//! the average is computed from (Daumé's trick: each update also adds `step × change` to
//! `acc`, and the average is `w - acc / steps`): training is exact arithmetic, the same
//! on every machine, and only the final average is a float.

use crate::parse::dense::{Dense, STRIDE};
use crate::parse::linear::{Row, Weights};

/// One feature's place in the table: its key (0 for an empty slot) and its row in the
/// arena.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u16,
    cap: u16,
}

/// Perceptron weights being trained: an open-addressed table of features whose rows of
/// (class, weight, running sum) live in one arena, a row moving to the arena's end when
/// it outgrows its place.
#[derive(Debug)]
pub struct Averaged {
    classes: usize,
    slots: Vec<Slot>,
    used: usize,
    class: Vec<u16>,
    w: Vec<i32>,
    acc: Vec<i64>,
    /// Examples seen so far.
    steps: i64,
}

#[inline(always)]
fn nonzero(key: u64) -> u64 {
    key.max(1)
}

impl Averaged {
    /// A model of `classes` classes with no weights.
    pub fn new(classes: usize) -> Averaged {
        Averaged {
            classes,
            slots: vec![Slot::default(); 1 << 16],
            used: 0,
            class: Vec::new(),
            w: Vec::new(),
            acc: Vec::new(),
            steps: 1,
        }
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    #[inline(always)]
    fn home(&self, key: u64) -> usize {
        (key >> 20) as usize & (self.slots.len() - 1)
    }

    /// The slot of a key, or the empty slot where it would go.
    #[inline(always)]
    fn probe(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let s = &self.slots[i];
            if s.key == key || s.key == 0 {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds the current weights of `feats` to `scores` (one per class). The slots are
    /// loaded first, then the rows, so that their cache misses overlap.
    pub fn scores(&self, feats: &[u64], scores: &mut Vec<i64>) {
        const CHUNK: usize = 64;
        scores.clear();
        scores.resize(self.classes, 0);
        let mut found = [0u32; CHUNK];
        for chunk in feats.chunks(CHUNK) {
            let mut touch = 0u64;
            for &f in chunk {
                touch ^= self.slots[self.home(nonzero(f))].key;
            }
            let mut m = 0;
            for &f in chunk {
                let i = self.probe(nonzero(f));
                let s = self.slots[i];
                if s.key != 0 && s.len > 0 {
                    found[m] = i as u32;
                    m += 1;
                    touch ^= self.w[s.start as usize] as u64;
                    touch ^= u64::from(self.class[s.start as usize]);
                }
            }
            std::hint::black_box(touch);
            for &i in &found[..m] {
                let s = self.slots[i as usize];
                let r = s.start as usize..s.start as usize + usize::from(s.len);
                for (&c, &w) in self.class[r.clone()].iter().zip(&self.w[r]) {
                    scores[usize::from(c)] += i64::from(w);
                }
            }
        }
    }

    /// Counts one example.
    pub fn tick(&mut self) {
        self.steps += 1;
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![Slot::default(); old.len() * 2];
        for s in old.into_iter().filter(|s| s.key != 0) {
            let i = self.probe(s.key);
            self.slots[i] = s;
        }
    }

    /// Moves the weights of `feats` by `by` for `class`.
    pub fn add(&mut self, feats: &[u64], class: usize, by: i32) {
        let step = self.steps;
        let class = class as u16;
        for &f in feats {
            let key = nonzero(f);
            let mut i = self.probe(key);
            if self.slots[i].key == 0 {
                if (self.used + 1) * 2 > self.slots.len() {
                    self.grow();
                    i = self.probe(key);
                }
                self.used += 1;
                self.slots[i] = Slot {
                    key,
                    start: 0,
                    len: 0,
                    cap: 0,
                };
            }
            let s = self.slots[i];
            let r = s.start as usize..s.start as usize + usize::from(s.len);
            let at = match self.class[r.clone()].iter().position(|&c| c == class) {
                Some(k) => r.start + k,
                None => {
                    let mut s = s;
                    if s.len == s.cap {
                        // move the row to the arena's end with twice the room
                        let cap = (s.cap * 2).max(2);
                        let start = self.class.len();
                        self.class.extend_from_within(r.clone());
                        self.w.extend_from_within(r.clone());
                        self.acc.extend_from_within(r.clone());
                        let pad = usize::from(cap - s.len);
                        self.class.extend(std::iter::repeat_n(0, pad));
                        self.w.extend(std::iter::repeat_n(0, pad));
                        self.acc.extend(std::iter::repeat_n(0, pad));
                        s.start = u32::try_from(start).expect("arena under 4 G entries");
                        s.cap = cap;
                    }
                    let at = s.start as usize + usize::from(s.len);
                    self.class[at] = class;
                    self.w[at] = 0;
                    self.acc[at] = 0;
                    s.len += 1;
                    self.slots[i] = s;
                    at
                }
            };
            self.w[at] += by;
            self.acc[at] += step * i64::from(by);
        }
    }

    /// The perceptron update: towards `gold`, away from `pred`.
    pub fn update(&mut self, feats: &[u64], gold: usize, pred: usize) {
        if gold != pred {
            self.add(feats, gold, 1);
            self.add(feats, pred, -1);
        }
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.used
    }

    /// The averaged weights, quantised to 16 bits, without the ones smaller than
    /// `min_weight` in magnitude.
    pub fn freeze(&self, min_weight: f64) -> Weights {
        let steps = self.steps as f64;
        let avg = |k: usize| f64::from(self.w[k]) - self.acc[k] as f64 / steps;
        let live = || {
            self.slots
                .iter()
                .filter(|s| s.key != 0)
                .flat_map(|s| s.start as usize..s.start as usize + usize::from(s.len))
        };
        let max = live().map(|k| avg(k).abs()).fold(0f64, f64::max);
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut rows: Vec<Row> = Vec::with_capacity(self.used);
        for s in self.slots.iter().filter(|s| s.key != 0) {
            let r = s.start as usize..s.start as usize + usize::from(s.len);
            let mut entries: Vec<(u16, i16)> = r
                .filter_map(|k| {
                    let a = avg(k);
                    let q = (a / scale).round() as i16;
                    (a.abs() >= min_weight && q != 0).then_some((self.class[k], q))
                })
                .collect();
            if entries.is_empty() {
                continue;
            }
            entries.sort_unstable_by_key(|e| e.0);
            rows.push((s.key, entries));
        }
        Weights::new(self.classes, scale as f32, rows)
    }
}

/// Dense hashed weights being trained (see [`Dense`]): integer weights and running sums
/// by row and class.
#[derive(Debug)]
pub struct DenseAveraged {
    bits: u32,
    classes: usize,
    w: Vec<i32>,
    acc: Vec<i64>,
    steps: i64,
}

impl DenseAveraged {
    /// A table of `1 << bits` rows for `classes` classes (at most [`STRIDE`]).
    pub fn new(bits: u32, classes: usize) -> DenseAveraged {
        assert!(classes <= STRIDE);
        DenseAveraged {
            bits,
            classes,
            w: vec![0; STRIDE << bits],
            acc: vec![0; STRIDE << bits],
            steps: 1,
        }
    }

    /// The current scores of `feats`.
    #[inline]
    pub fn scores(&self, feats: &[u64]) -> [i64; STRIDE] {
        let mut s = [0i64; STRIDE];
        for &f in feats {
            let r = Dense::row(self.bits, f) * STRIDE;
            for (a, &w) in s.iter_mut().zip(&self.w[r..r + STRIDE]) {
                *a += i64::from(w);
            }
        }
        s
    }

    /// Counts one example.
    pub fn tick(&mut self) {
        self.steps += 1;
    }

    /// The perceptron update: towards `gold`, away from `pred`.
    pub fn update(&mut self, feats: &[u64], gold: usize, pred: usize) {
        if gold == pred {
            return;
        }
        let step = self.steps;
        for &f in feats {
            let r = Dense::row(self.bits, f) * STRIDE;
            self.w[r + gold] += 1;
            self.acc[r + gold] += step;
            self.w[r + pred] -= 1;
            self.acc[r + pred] -= step;
        }
    }

    /// The averaged weights, quantised to 16 bits, those smaller than `min_weight` in
    /// magnitude set to zero.
    pub fn freeze(&self, min_weight: f64) -> Dense {
        let steps = self.steps as f64;
        let avg: Vec<f64> = self
            .w
            .iter()
            .zip(&self.acc)
            .map(|(&w, &a)| f64::from(w) - a as f64 / steps)
            .collect();
        let max = avg.iter().fold(0f64, |m, a| m.max(a.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let w = avg
            .iter()
            .map(|&a| {
                if a.abs() < min_weight {
                    0
                } else {
                    (a / scale).round() as i16
                }
            })
            .collect();
        Dense::new(self.bits, self.classes, scale as f32, w)
    }
}

/// A small deterministic random number generator (xorshift64*).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value).
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x2545_f491_4f6c_dd1d | 1)
    }

    /// The next 64 random bits.
    pub fn bits(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in 0..n.
    pub fn below(&mut self, n: usize) -> usize {
        (self.bits() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.bits() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// Shuffles `v` (Fisher–Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_average_favours_weights_that_lasted() {
        let mut m = Averaged::new(3);
        let f = [11u64, 22];
        m.update(&f, 1, 0);
        for _ in 0..9 {
            m.tick();
        }
        m.update(&f[..1], 2, 1);
        m.tick();
        let mut s = Vec::new();
        m.scores(&f, &mut s);
        assert_eq!(s, vec![-2, 1, 1]);
        let w = m.freeze(0.0);
        // class 1 had weight 1 for nine steps of eleven, class 2 for one
        let mut scores = vec![0i32; 3];
        w.add_scores(&f[..1], &mut scores);
        assert!(
            scores[1] > scores[2] && scores[2] > 0 && scores[0] < 0,
            "{scores:?}"
        );
        assert_eq!(m.freeze(0.0), w, "freezing is deterministic");
    }

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let mut v: Vec<u32> = (0..20).collect();
        let mut u = v.clone();
        a.shuffle(&mut v);
        b.shuffle(&mut u);
        assert_eq!(v, u);
        assert_ne!(v, (0..20).collect::<Vec<_>>());
        assert!((0..1000).all(|_| a.below(5) < 5));
    }
}
