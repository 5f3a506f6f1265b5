//! Sparse linear scores over hashed features, for decoding.
//!
//! A trained perceptron gives most features a weight for only a few of its classes (a
//! feature about "the" says something about `det` and little about the other hundred
//! transitions), so the weights are kept by feature as short rows of (class, weight)
//! pairs rather than as a dense table of every class: the model stays a few megabytes and
//! scoring a state costs one table probe and a handful of additions per feature.
//!
//! The table is open-addressed on the feature key: a slot holds the key's top 40 bits and
//! where its row starts. A feature the model never saw finds an empty slot and adds
//! nothing; with 40-bit keys a false match is rarer than one lookup in a hundred thousand
//! even in the largest table.

use super::codec::{put_varint, Reader};

/// Bits of a feature key the model keeps (the top 40 of its 64).
const KEY_SHIFT: u32 = 24;

/// Weights of a linear model by feature, frozen for decoding.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    classes: usize,
    mask: usize,
    /// The kept key bits above 24 bits where the row starts; 0 is an empty slot (no row
    /// starts at 0).
    slots: Vec<u64>,
    /// At a row's start its length, then its entries: class in the low 16 bits, the
    /// weight as an `i16` in the high 16. A row with many entries is kept whole in
    /// `dense` instead: its length has the [`DENSE`] bit and is followed by where in
    /// `dense` its weights start.
    rows: Vec<u32>,
    /// Rows of every class's weight, for the features with weights for many classes
    /// (adding them is a run of vector additions rather than scattered ones).
    dense: Vec<i16>,
    /// Number of (feature, class) weights that are not zero.
    nonzero: usize,
    /// The value of one weight unit (for reading weights back as numbers).
    scale: f32,
}

/// One feature's weights: its key and its (class, quantised weight) pairs, classes
/// ascending.
pub type Row = (u64, Vec<(u16, i16)>);

/// Marks a row kept whole.
const DENSE: u32 = 1 << 31;

/// Rows start below this in `rows`.
const MAX_START: usize = 1 << 24;

impl Weights {
    /// The model of `classes` classes with these rows. Keys are cut to the bits the model
    /// keeps; rows whose keys then coincide are added together (weights saturate).
    pub fn new(classes: usize, scale: f32, mut rows: Vec<Row>) -> Weights {
        assert!(classes <= usize::from(u16::MAX));
        for r in &mut rows {
            r.0 = (r.0 >> KEY_SHIFT) << KEY_SHIFT;
            r.1.retain(|e| e.1 != 0);
        }
        rows.sort_by_key(|r| r.0);
        rows.dedup_by(|b, a| {
            if a.0 != b.0 {
                return false;
            }
            let mut merged: Vec<(u16, i16)> = a.1.clone();
            for &(c, w) in &b.1 {
                match merged.iter_mut().find(|e| e.0 == c) {
                    Some(e) => e.1 = e.1.saturating_add(w),
                    None => merged.push((c, w)),
                }
            }
            merged.sort_by_key(|e| e.0);
            a.1 = merged;
            true
        });
        let nslots = (rows.len() * 2).next_power_of_two().max(16);
        let mask = nslots - 1;
        let mut slots: Vec<u64> = super::pages::vec(nslots);
        let wide = |n: usize| n * 4 >= classes;
        let narrow: usize = rows
            .iter()
            .map(|r| if wide(r.1.len()) { 2 } else { r.1.len() + 1 })
            .sum();
        let mut data: Vec<u32> = super::pages::with_capacity(1 + narrow);
        data.push(0);
        let nwide = rows.iter().filter(|r| wide(r.1.len())).count();
        let mut dense: Vec<i16> = super::pages::with_capacity(nwide * classes);
        let mut nonzero = 0;
        for (key, entries) in rows {
            if entries.is_empty() {
                continue;
            }
            assert!(data.len() < MAX_START, "model under 16 M entries");
            let start = data.len() as u64;
            nonzero += entries.len();
            if wide(entries.len()) {
                data.push(entries.len() as u32 | DENSE);
                data.push(dense.len() as u32);
                let at = dense.len();
                dense.resize(at + classes, 0);
                for &(c, w) in &entries {
                    dense[at + usize::from(c)] = w;
                }
            } else {
                data.push(entries.len() as u32);
                data.extend(
                    entries
                        .iter()
                        .map(|&(c, w)| u32::from(c) | (u32::from(w as u16) << 16)),
                );
            }
            let k = key >> KEY_SHIFT;
            let mut i = k as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (k << 24) | start;
        }
        Weights {
            classes,
            mask,
            slots,
            rows: data,
            dense,
            nonzero,
            scale,
        }
    }

    /// Number of classes scored.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.slots.iter().filter(|&&s| s != 0).count()
    }

    /// Number of (feature, class) weights.
    pub fn entries(&self) -> usize {
        self.nonzero
    }

    /// Where the row of a feature key starts, if the model has one.
    #[inline(always)]
    fn find(&self, key: u64) -> Option<usize> {
        let k = key >> KEY_SHIFT;
        let mut i = k as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            if s >> 24 == k {
                return Some((s as usize) & (MAX_START - 1));
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The (class, weight) pairs of the row starting at `start`, weights not zero.
    fn entries_at(&self, start: usize) -> Vec<(u16, i16)> {
        let head = self.rows[start];
        if head & DENSE != 0 {
            let at = self.rows[start + 1] as usize;
            (0..self.classes)
                .filter(|&c| self.dense[at + c] != 0)
                .map(|c| (c as u16, self.dense[at + c]))
                .collect()
        } else {
            let n = head as usize;
            self.rows[start + 1..start + 1 + n]
                .iter()
                .map(|&e| ((e & 0xffff) as u16, (e >> 16) as u16 as i16))
                .collect()
        }
    }

    /// Adds the weights of `feats` to `scores` (one per class).
    ///
    /// The table is larger than the caches, so the time goes into memory latency: the
    /// slots of all features are loaded first, independently of each other, so that the
    /// processor has them all in flight at once, then the rows they point to, and only
    /// then are the weights added.
    #[inline]
    pub fn add_scores(&self, feats: &[u64], scores: &mut [i32]) {
        const CHUNK: usize = 64;
        let mut starts = [0u32; CHUNK];
        for chunk in feats.chunks(CHUNK) {
            let mut touch = 0u64;
            for &f in chunk {
                touch ^= self.slots[(f >> KEY_SHIFT) as usize & self.mask];
            }
            let mut m = 0;
            for &f in chunk {
                if let Some(start) = self.find(f) {
                    starts[m] = start as u32;
                    touch ^= u64::from(self.rows[start]);
                    m += 1;
                }
            }
            std::hint::black_box(touch);
            for &start in &starts[..m] {
                let start = start as usize;
                let head = self.rows[start];
                if head & DENSE != 0 {
                    let at = self.rows[start + 1] as usize;
                    let row = &self.dense[at..at + self.classes];
                    for (s, &w) in scores[..self.classes].iter_mut().zip(row) {
                        *s += i32::from(w);
                    }
                } else {
                    let n = head as usize;
                    for &e in &self.rows[start + 1..start + 1 + n] {
                        scores[(e & 0xffff) as usize] += i32::from((e >> 16) as u16 as i16);
                    }
                }
            }
        }
    }

    /// The weight of one feature for one class, as a number (0 when absent).
    pub fn weight(&self, key: u64, class: usize) -> f32 {
        self.find(key)
            .and_then(|start| {
                self.entries_at(start)
                    .into_iter()
                    .find(|e| usize::from(e.0) == class)
            })
            .map_or(0.0, |e| f32::from(e.1) * self.scale)
    }

    /// The rows, keys ascending.
    fn sorted_rows(&self) -> Vec<Row> {
        let mut out: Vec<Row> = Vec::with_capacity(self.features());
        for &s in self.slots.iter().filter(|&&s| s != 0) {
            let start = (s as usize) & (MAX_START - 1);
            out.push(((s >> 24) << KEY_SHIFT, self.entries_at(start)));
        }
        out.sort_by_key(|r| r.0);
        out
    }

    /// Appends the weights to a model file.
    pub fn write(&self, out: &mut Vec<u8>) {
        put_varint(out, self.classes as u64);
        out.extend_from_slice(&self.scale.to_le_bytes());
        let rows = self.sorted_rows();
        put_varint(out, rows.len() as u64);
        let mut last = 0u64;
        for (key, entries) in rows {
            let k = key >> KEY_SHIFT;
            put_varint(out, k - last);
            last = k;
            put_varint(out, entries.len() as u64);
            let mut prev = 0u16;
            for (c, w) in entries {
                put_varint(out, u64::from(c - prev));
                prev = c;
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    /// Reads weights written by [`Weights::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Weights, String> {
        let classes = r.count(usize::from(u16::MAX), "class count")?;
        let scale = r.f32()?;
        let n = r.count(1 << 28, "feature count")?;
        let mut rows = Vec::with_capacity(n);
        let mut key = 0u64;
        for _ in 0..n {
            key = key
                .checked_add(r.varint()?)
                .filter(|&k| k < 1 << (64 - KEY_SHIFT))
                .ok_or("feature key out of range")?;
            let m = r.count(classes, "row length")?;
            let mut entries = Vec::with_capacity(m);
            let mut c = 0usize;
            for k in 0..m {
                let d = r.count(classes, "class")?;
                c += d;
                if c >= classes || (k > 0 && d == 0) {
                    return Err(format!("class {c} out of order or range in a row"));
                }
                entries.push((c as u16, r.i16()?));
            }
            rows.push((key << KEY_SHIFT, entries));
        }
        Ok(Weights::new(classes, scale, rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::hash::feat;

    fn sample() -> Weights {
        let rows: Vec<Row> = (0..2000u32)
            .map(|i| {
                let n = 1 + (i % 5) as u16;
                (
                    feat(i, &[]),
                    (0..n)
                        .map(|c| (c * 2, (i as i16) - 2500 + c as i16))
                        .collect(),
                )
            })
            .collect();
        Weights::new(10, 0.25, rows)
    }

    #[test]
    fn scores_add_the_rows_of_known_features_only() {
        let w = sample();
        assert_eq!(w.features(), 2000);
        let mut scores = vec![0i32; 10];
        w.add_scores(
            &[feat(3, &[]), feat(4, &[]), feat(99_999, &[])],
            &mut scores,
        );
        // feature 3 has classes 0, 2, 4, 6; feature 4 has 0, 2, 4, 6, 8
        assert_eq!(scores[0], -2497 + -2496);
        assert_eq!(scores[6], (-2497 + 3) + (-2496 + 3));
        assert_eq!(scores[8], -2496 + 4);
        assert_eq!(scores[1], 0);
        assert_eq!(w.weight(feat(4, &[]), 8), (-2496.0 + 4.0) * 0.25);
        assert_eq!(w.weight(feat(4, &[]), 9), 0.0);
    }

    #[test]
    fn round_trip_gives_the_same_model_and_bytes() {
        let w = sample();
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let back = Weights::read(&mut Reader::new(&bytes)).unwrap();
        assert_eq!(back, w);
        let mut again = Vec::new();
        back.write(&mut again);
        assert_eq!(again, bytes);
        assert!(Weights::read(&mut Reader::new(&bytes[..bytes.len() - 3])).is_err());
    }

    #[test]
    fn coinciding_keys_are_merged() {
        let a = feat(1, &[]);
        let w = Weights::new(
            3,
            1.0,
            vec![(a, vec![(0, 5), (2, 1)]), (a ^ 1, vec![(0, 2)])],
        );
        assert_eq!(w.features(), 1);
        let mut s = vec![0; 3];
        w.add_scores(&[a], &mut s);
        assert_eq!(s, vec![7, 0, 1]);
    }
}
