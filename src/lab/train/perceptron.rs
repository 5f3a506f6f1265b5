//! Training the attribution model's `Tagger` as an averaged structured perceptron, and
//! the deterministic shuffle of the training data.

use crate::attribution::model::tagger::{Sequence, Tagger};

impl Tagger {
    /// Sets emission weights smaller than `min` in magnitude to zero.
    pub fn prune(&mut self, min: f32) {
        for w in &mut self.weights {
            if w.abs() < min {
                *w = 0.0;
            }
        }
    }
}

/// Trains a `Tagger` as an averaged structured perceptron.
pub struct Trainer {
    tagger: Tagger,
    /// Sum over updates of `step * delta`, for averaging.
    acc_w: Vec<f64>,
    acc_t: Vec<f64>,
    step: u64,
    em: Vec<f32>,
}

impl Trainer {
    /// Starts training `tagger` (normally all zero).
    pub fn new(tagger: Tagger) -> Trainer {
        let (nw, nt) = (tagger.weights.len(), tagger.trans.len());
        Trainer {
            tagger,
            acc_w: vec![0.0; nw],
            acc_t: vec![0.0; nt],
            step: 1,
            em: Vec::new(),
        }
    }

    /// Decodes `seq` with the current weights and, where the result differs from `gold`,
    /// moves the weights towards it. Returns the number of positions that were wrong.
    pub fn learn(&mut self, seq: &Sequence, gold: &[u8]) -> usize {
        let mut em = std::mem::take(&mut self.em);
        self.tagger.emissions(seq, &mut em);
        let pred = self.tagger.viterbi(seq, &em);
        self.em = em;
        let n = self.tagger.ntags;
        let mut wrong = 0;
        let c = self.step as f64;
        for i in 0..seq.len() {
            let (g, p) = (gold[i] as usize, pred[i] as usize);
            if g != p {
                wrong += 1;
                for &h in seq.at(i) {
                    let r = self.tagger.row(h) * n;
                    self.tagger.weights[r + g] += 1.0;
                    self.tagger.weights[r + p] -= 1.0;
                    self.acc_w[r + g] += c;
                    self.acc_w[r + p] -= c;
                }
            }
            let gp = if i == 0 { n } else { gold[i - 1] as usize };
            let pp = if i == 0 { n } else { pred[i - 1] as usize };
            if (gp, g) != (pp, p) {
                self.tagger.trans[gp * n + g] += 1.0;
                self.tagger.trans[pp * n + p] -= 1.0;
                self.acc_t[gp * n + g] += c;
                self.acc_t[pp * n + p] -= c;
            }
        }
        self.step += 1;
        wrong
    }

    /// The averaged weights.
    pub fn finish(self) -> Tagger {
        let c = self.step as f64;
        let mut t = self.tagger;
        for (w, a) in t.weights.iter_mut().zip(&self.acc_w) {
            *w = (f64::from(*w) - a / c) as f32;
        }
        for (w, a) in t.trans.iter_mut().zip(&self.acc_t) {
            *w = (f64::from(*w) - a / c) as f32;
        }
        t
    }
}

/// A small deterministic random number generator (xorshift64*) for shuffling.
pub struct Rng(u64);

impl Rng {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Shuffles `v` in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(words: &[u64]) -> Sequence {
        let mut s = Sequence::new();
        for &w in words {
            s.feats.push(w.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            s.end_position(None);
        }
        s
    }

    #[test]
    fn learns_a_tag_per_word_and_respects_constraints() {
        // tags: 0 = O, 1 = B, 2 = I; I only after B or I.
        let mut allowed = vec![true; 4 * 3];
        allowed[2] = false; // O -> I
        allowed[3 * 3 + 2] = false; // start -> I
        let mut tr = Trainer::new(Tagger::new(3, 8, allowed));
        let data = [
            (vec![1, 2, 3, 4], vec![0, 1, 2, 0]),
            (vec![2, 3, 1], vec![1, 2, 0]),
            (vec![4, 2, 3, 3], vec![0, 1, 2, 2]),
        ];
        for _ in 0..10 {
            for (w, g) in &data {
                tr.learn(&seq(w), g);
            }
        }
        let t = tr.finish();
        for (w, g) in &data {
            assert_eq!(&t.decode(&seq(w)), g);
        }
        // an inside tag never follows O or starts a sequence, whatever the words
        for words in [vec![3], vec![4, 3], vec![3, 3, 3], vec![1, 3, 4, 3]] {
            let out = t.decode(&seq(&words));
            for (i, &tag) in out.iter().enumerate() {
                if tag == 2 {
                    assert!(i > 0 && out[i - 1] != 0, "{words:?} -> {out:?}");
                }
            }
        }
        // a fixed tag is obeyed
        let mut s = seq(&[2, 3]);
        s.fixed[0] = Some(0);
        assert_eq!(t.decode(&s)[0], 0);
    }

    #[test]
    fn shuffle_is_deterministic() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        Rng::new(7).shuffle(&mut a);
        Rng::new(7).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
    }
}
