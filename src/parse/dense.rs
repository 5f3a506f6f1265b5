//! A fixed hashed table of weights for a handful of classes: the parser's transition
//! scores.
//!
//! A feature's key picks one row of the table, with no key stored and no probing: two
//! features that fall on one row share its weights (the hashing trick), which training
//! sees and works around. A row is four 16-bit weights, eight bytes, so scoring a feature
//! is one memory load, and the loads of a state's features are independent of each
//! other, so the processor overlaps their cache misses.

use super::codec::{put_varint, Reader};

/// Weights per row.
pub const STRIDE: usize = 4;

/// A dense hashed weight table of `1 << bits` rows of [`STRIDE`] classes.
#[derive(Clone, Debug, PartialEq)]
pub struct Dense {
    bits: u32,
    classes: usize,
    w: Vec<i16>,
    scale: f32,
}

impl Dense {
    /// A table of `1 << bits` rows from its weights (`w.len()` is `STRIDE << bits`).
    pub fn new(bits: u32, classes: usize, scale: f32, w: Vec<i16>) -> Dense {
        assert!((1..=STRIDE).contains(&classes));
        assert!((8..=28).contains(&bits));
        assert_eq!(w.len(), STRIDE << bits);
        Dense {
            bits,
            classes,
            w,
            scale,
        }
    }

    /// The row of a feature key.
    #[inline(always)]
    pub fn row(bits: u32, key: u64) -> usize {
        (key >> (64 - bits)) as usize
    }

    /// Table size, as a power of two.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Rows with a weight that is not zero.
    pub fn used(&self) -> usize {
        self.w
            .chunks(STRIDE)
            .filter(|r| r.iter().any(|&x| x != 0))
            .count()
    }

    /// The sums of the weights of `feats` for each class.
    #[inline]
    pub fn scores(&self, feats: &[u64]) -> [i32; STRIDE] {
        let mut s = [0i32; STRIDE];
        let shift = 64 - self.bits;
        for &f in feats {
            let r = (f >> shift) as usize * STRIDE;
            if let Some(row) = self.w.get(r..r + STRIDE) {
                for (a, &w) in s.iter_mut().zip(row) {
                    *a += i32::from(w);
                }
            }
        }
        s
    }

    /// The weight of a feature for a class, as a number.
    pub fn weight(&self, key: u64, class: usize) -> f32 {
        f32::from(self.w[Dense::row(self.bits, key) * STRIDE + class]) * self.scale
    }

    /// Appends the table to a model file: its size, scale, then the rows that are not all
    /// zero, each as the gap from the last one and its weights.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.push(self.bits as u8);
        out.push(self.classes as u8);
        out.extend_from_slice(&self.scale.to_le_bytes());
        put_varint(out, self.used() as u64);
        let mut last = 0usize;
        for (i, r) in self.w.chunks(STRIDE).enumerate() {
            if r.iter().all(|&x| x == 0) {
                continue;
            }
            put_varint(out, (i - last) as u64);
            last = i;
            for &x in &r[..self.classes] {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
    }

    /// Reads a table written by [`Dense::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Dense, String> {
        let bits = u32::from(r.byte()?);
        let classes = usize::from(r.byte()?);
        if !(8..=28).contains(&bits) || !(1..=STRIDE).contains(&classes) {
            return Err(format!(
                "bad transition table header ({bits} bits, {classes} classes)"
            ));
        }
        let scale = r.f32()?;
        let rows = 1usize << bits;
        let n = r.count(rows, "row count")?;
        let mut w: Vec<i16> = super::pages::vec(rows * STRIDE);
        let mut at = 0usize;
        for k in 0..n {
            let gap = r.count(rows, "row gap")?;
            at += gap;
            if at >= rows || (k > 0 && gap == 0) {
                return Err(format!("transition row {at} out of order or range"));
            }
            for c in 0..classes {
                w[at * STRIDE + c] = r.i16()?;
            }
        }
        Ok(Dense::new(bits, classes, scale, w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::hash::feat;

    #[test]
    fn scores_and_round_trip() {
        let bits = 10;
        let mut w = vec![0i16; STRIDE << bits];
        let (a, b) = (feat(1, &[]), feat(2, &[]));
        let (ra, rb) = (Dense::row(bits, a), Dense::row(bits, b));
        assert_ne!(ra, rb);
        w[ra * STRIDE..ra * STRIDE + 3].copy_from_slice(&[5, -2, 0]);
        w[rb * STRIDE + 2] = 7;
        let d = Dense::new(bits, 3, 0.5, w);
        assert_eq!(d.scores(&[a, b, a]), [10, -4, 7, 0]);
        assert_eq!(d.weight(a, 0), 2.5);
        assert_eq!(d.used(), 2);
        let mut bytes = Vec::new();
        d.write(&mut bytes);
        let back = Dense::read(&mut Reader::new(&bytes)).unwrap();
        assert_eq!(back, d);
        assert!(Dense::read(&mut Reader::new(&bytes[..bytes.len() - 1])).is_err());
    }
}
