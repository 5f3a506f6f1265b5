//! A first-order sequence tagger: hashed features, tag-transition weights and Viterbi
//! decoding under constraints. Its training (an averaged structured perceptron) is the
//! lab's, `lab::train::perceptron`.

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

    /// The feature hashes of position `i`.
    pub(crate) fn at(&self, i: usize) -> &[u64] {
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

    /// The feature row a hash falls in.
    #[inline]
    pub fn row(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    /// The emission scores of every position and tag, row-major, into `out`.
    pub(crate) fn emissions(&self, seq: &Sequence, out: &mut Vec<f32>) {
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
    #[cfg_attr(not(feature = "lab"), allow(dead_code))]
    pub fn decode(&self, seq: &Sequence) -> Vec<u8> {
        let mut d = Decoder::default();
        self.decode_with(seq, &mut d).to_vec()
    }

    /// [`Tagger::decode`] with buffers kept from one call to the next in `d`: the tags are
    /// borrowed from it.
    pub(crate) fn decode_with<'d>(&self, seq: &Sequence, d: &'d mut Decoder) -> &'d [u8] {
        self.emissions(seq, &mut d.em);
        self.viterbi_into(seq, &d.em, &mut d.score, &mut d.back, &mut d.tags);
        &d.tags
    }

    /// The best tag sequence for emission scores `em` (from [`Tagger::emissions`]); training
    /// decodes with it.
    #[cfg_attr(not(feature = "lab"), allow(dead_code))]
    pub(crate) fn viterbi(&self, seq: &Sequence, em: &[f32]) -> Vec<u8> {
        let (mut score, mut back, mut out) = (Vec::new(), Vec::new(), Vec::new());
        self.viterbi_into(seq, em, &mut score, &mut back, &mut out);
        out
    }

    /// [`Tagger::viterbi`] into `out`, with `score` and `back` as working space.
    fn viterbi_into(
        &self,
        seq: &Sequence,
        em: &[f32],
        score: &mut Vec<f32>,
        back: &mut Vec<u8>,
        out: &mut Vec<u8>,
    ) {
        let n = self.ntags;
        let len = seq.len();
        out.clear();
        if len == 0 {
            return;
        }
        const NEG: f32 = f32::NEG_INFINITY;
        score.clear();
        score.resize(len * n, NEG);
        back.clear();
        back.resize(len * n, 0u8);
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
        out.resize(len, 0u8);
        out[len - 1] = tag;
        for i in (1..len).rev() {
            tag = back[i * n + tag as usize];
            out[i - 1] = tag;
        }
    }
}

/// Buffers for decoding, reused from one sequence to the next: emission scores, the
/// Viterbi scores and back-pointers, and the tags.
#[derive(Clone, Debug, Default)]
pub(crate) struct Decoder {
    em: Vec<f32>,
    score: Vec<f32>,
    back: Vec<u8>,
    tags: Vec<u8>,
}
