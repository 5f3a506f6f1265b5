//! A first-order sequence tagger: hashed features, tag-transition weights, Viterbi
//! decoding under constraints, and training as an averaged structured perceptron.

/// A linear sequence tagger over hashed features.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagger {
    /// Number of tags.
    pub ntags: usize,
    /// The feature table has `1 << bits` rows.
    pub bits: u32,
    /// Emission weights, row-major: `weights[row * ntags + tag]`.
    pub weights: Vec<f32>,
    /// Transition weights: `trans[prev * ntags + tag]`, with `prev == ntags` for the start.
    pub trans: Vec<f32>,
    /// Which transitions are allowed, laid out like `trans`.
    pub allowed: Vec<bool>,
    /// The emission weights quantised for decoding, once training is over; `weights` is
    /// then empty.
    pub packed: Option<Packed>,
}

/// Emission weights as 16-bit integers, rows padded to a power of two so that a row never
/// straddles a cache line: `w[row * stride + tag] as f32 * scale`.
#[derive(Clone, Debug, PartialEq)]
pub struct Packed {
    /// Row length: the number of tags rounded up to a power of two.
    pub stride: usize,
    /// The value of one unit.
    pub scale: f32,
    /// The quantised weights.
    pub w: Vec<i16>,
}

/// One training or decoding sequence: per position the feature hashes, and optionally a
/// tag the position must take.
#[derive(Clone, Debug, Default)]
pub struct Sequence {
    /// Feature hashes, position after position; `offsets[i]..offsets[i + 1]` are position
    /// `i`'s.
    pub feats: Vec<u64>,
    /// Where each position's features start in `feats`, plus one end offset.
    pub offsets: Vec<usize>,
    /// A tag a position is fixed to, if any.
    pub fixed: Vec<Option<u8>>,
}

impl Sequence {
    /// An empty sequence.
    pub fn new() -> Sequence {
        Sequence {
            feats: Vec::new(),
            offsets: vec![0],
            fixed: Vec::new(),
        }
    }

    /// Empties the sequence, keeping its memory.
    pub fn clear(&mut self) {
        self.feats.clear();
        self.offsets.clear();
        self.offsets.push(0);
        self.fixed.clear();
    }

    /// Closes the current position: the features pushed since the last call are its own.
    pub fn end_position(&mut self, fixed: Option<u8>) {
        self.offsets.push(self.feats.len());
        self.fixed.push(fixed);
    }

    /// Number of positions.
    pub fn len(&self) -> usize {
        self.fixed.len()
    }

    fn at(&self, i: usize) -> &[u64] {
        &self.feats[self.offsets[i]..self.offsets[i + 1]]
    }
}

impl Tagger {
    /// A tagger with zero weights, `ntags` tags, `1 << bits` feature rows and the given
    /// allowed transitions (`(ntags + 1) * ntags`, the last row for the start).
    pub fn new(ntags: usize, bits: u32, allowed: Vec<bool>) -> Tagger {
        assert_eq!(allowed.len(), (ntags + 1) * ntags);
        Tagger {
            ntags,
            bits,
            weights: vec![0.0; (1usize << bits) * ntags],
            trans: vec![0.0; (ntags + 1) * ntags],
            allowed,
            packed: None,
        }
    }

    /// Quantises the emission weights for decoding (see [`Packed`]) and frees the
    /// floating-point ones. Does nothing when already done.
    pub fn freeze(&mut self) {
        if self.packed.is_some() {
            return;
        }
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let stride = self.ntags.next_power_of_two();
        let mut w = vec![0i16; (1usize << self.bits) * stride];
        for (i, x) in self.weights.iter().enumerate() {
            let (row, tag) = (i / self.ntags, i % self.ntags);
            w[row * stride + tag] = (x / scale).round() as i16;
        }
        self.packed = Some(Packed { stride, scale, w });
        self.weights = Vec::new();
    }

    /// Sets emission weights smaller than `min` in magnitude to zero.
    pub fn prune(&mut self, min: f32) {
        for w in &mut self.weights {
            if w.abs() < min {
                *w = 0.0;
            }
        }
    }

    /// The feature row a hash falls in.
    #[inline]
    pub fn row(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    fn emissions(&self, seq: &Sequence, out: &mut Vec<f32>) {
        let n = self.ntags;
        out.clear();
        out.resize(seq.len() * n, 0.0);
        if let Some(p) = &self.packed {
            match p.stride {
                4 => self.packed_emissions::<4>(p, seq, out),
                8 => self.packed_emissions::<8>(p, seq, out),
                _ => self.packed_emissions::<16>(p, seq, out),
            }
            return;
        }
        for i in 0..seq.len() {
            let dst = &mut out[i * n..(i + 1) * n];
            for &h in seq.at(i) {
                let r = self.row(h) * n;
                for (d, w) in dst.iter_mut().zip(&self.weights[r..r + n]) {
                    *d += *w;
                }
            }
        }
    }

    /// Emissions from the quantised weights, with rows of `S` entries (`S >= stride`).
    fn packed_emissions<const S: usize>(&self, p: &Packed, seq: &Sequence, out: &mut [f32]) {
        let n = self.ntags;
        let shift = 64 - self.bits;
        for i in 0..seq.len() {
            let mut acc = [0i32; S];
            for &h in seq.at(i) {
                let r = (h >> shift) as usize * p.stride;
                if let Some(row) = p.w.get(r..r + p.stride) {
                    for (a, w) in acc.iter_mut().zip(row) {
                        *a += i32::from(*w);
                    }
                }
            }
            for (d, a) in out[i * n..(i + 1) * n].iter_mut().zip(&acc) {
                *d = *a as f32 * p.scale;
            }
        }
    }

    /// The best tag sequence for `seq` under the allowed transitions and fixed tags.
    pub fn decode(&self, seq: &Sequence) -> Vec<u8> {
        let mut em = Vec::new();
        self.emissions(seq, &mut em);
        self.viterbi(seq, &em)
    }

    fn viterbi(&self, seq: &Sequence, em: &[f32]) -> Vec<u8> {
        let n = self.ntags;
        let len = seq.len();
        if len == 0 {
            return Vec::new();
        }
        const NEG: f32 = f32::NEG_INFINITY;
        let mut score = vec![NEG; len * n];
        let mut back = vec![0u8; len * n];
        for t in 0..n {
            if self.allowed[n * n + t] && seq.fixed[0].is_none_or(|f| f as usize == t) {
                score[t] = self.trans[n * n + t] + em[t];
            }
        }
        for i in 1..len {
            for t in 0..n {
                if seq.fixed[i].is_some_and(|f| f as usize != t) {
                    continue;
                }
                let mut best = NEG;
                let mut arg = 0u8;
                for p in 0..n {
                    let prev = score[(i - 1) * n + p];
                    if prev == NEG || !self.allowed[p * n + t] {
                        continue;
                    }
                    let s = prev + self.trans[p * n + t];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                if best > NEG {
                    score[i * n + t] = best + em[i * n + t];
                    back[i * n + t] = arg;
                }
            }
        }
        let last = &score[(len - 1) * n..len * n];
        let mut tag = 0u8;
        let mut best = NEG;
        for (t, s) in last.iter().enumerate() {
            if *s > best {
                best = *s;
                tag = t as u8;
            }
        }
        let mut out = vec![0u8; len];
        out[len - 1] = tag;
        for i in (1..len).rev() {
            tag = back[i * n + tag as usize];
            out[i - 1] = tag;
        }
        out
    }
}

/// Trains a [`Tagger`] as an averaged structured perceptron.
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
    pub fn next(&mut self) -> u64 {
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
            let j = (self.next() % (i as u64 + 1)) as usize;
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
