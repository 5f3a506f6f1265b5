//! The model file: `CGSTANCE1\n`, then the sizes (vocabulary inputs, hidden units, dense
//! features, terms), the IDF of an unknown term, each term (length, UTF-8 bytes, IDF),
//! the mean and standard deviation of each dense feature, the input weights (one scale
//! per input, then one signed byte per input and hidden unit) and the rest of the network
//! in `f32`. Numbers are little-endian; sizes are LEB128 varints.

use super::features::{Vocabulary, DENSE};
use super::mlp::{Net, CLASSES};
use super::StanceModel;

const MAGIC: &[u8] = b"CGSTANCE1\n";

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_f32s(out: &mut Vec<u8>, vs: &[f32]) {
    for v in vs {
        out.extend_from_slice(&v.to_le_bytes());
    }
}

/// Writes a model.
pub fn write(m: &StanceModel) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put_varint(&mut out, m.vocab.tf_size as u64);
    put_varint(&mut out, m.net.hidden as u64);
    put_varint(&mut out, DENSE as u64);
    put_varint(&mut out, m.vocab.terms.len() as u64);
    put_f32s(&mut out, &[m.vocab.unknown_idf]);
    for (t, idf) in m.vocab.terms.iter().zip(&m.vocab.idf) {
        put_varint(&mut out, t.len() as u64);
        out.extend_from_slice(t.as_bytes());
        put_f32s(&mut out, &[*idf]);
    }
    put_f32s(&mut out, &m.mean);
    put_f32s(&mut out, &m.std);
    put_f32s(&mut out, &m.scales);
    out.extend(m.q1.iter().map(|&q| q as u8));
    put_f32s(&mut out, &m.net.b1);
    put_f32s(&mut out, &m.net.w2);
    put_f32s(&mut out, &m.net.b2);
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("model ends early at byte {}", self.at))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn varint(&mut self) -> Result<usize, String> {
        let mut v = 0u64;
        for shift in (0..63).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return usize::try_from(v).map_err(|_| format!("bad size at byte {}", self.at));
            }
        }
        Err(format!("bad number at byte {}", self.at))
    }

    fn f32s(&mut self, n: usize) -> Result<Vec<f32>, String> {
        let b = self.take(n.checked_mul(4).ok_or("size overflow")?)?;
        Ok(b.chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
}

/// Reads a model, or says what is wrong with the bytes.
pub fn read(bytes: &[u8]) -> Result<StanceModel, String> {
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or("not a claimgraph stance model (bad header)")?;
    let mut r = Reader { bytes: rest, at: 0 };
    let tf_size = r.varint()?;
    let hidden = r.varint()?;
    let dense = r.varint()?;
    let nterms = r.varint()?;
    if dense != DENSE {
        return Err(format!(
            "the model has {dense} dense features, this version computes {DENSE}"
        ));
    }
    if hidden == 0 || hidden > 4096 || tf_size > nterms || nterms > 10_000_000 {
        return Err("bad model sizes".into());
    }
    let unknown_idf = r.f32s(1)?[0];
    let mut terms = Vec::with_capacity(nterms);
    let mut idf = Vec::with_capacity(nterms);
    for _ in 0..nterms {
        let len = r.varint()?;
        let at = r.at;
        let t = std::str::from_utf8(r.take(len)?)
            .map_err(|_| format!("a term is not UTF-8 at byte {at}"))?
            .to_string();
        terms.push(t);
        idf.push(r.f32s(1)?[0]);
    }
    let mut mean = [0f32; DENSE];
    mean.copy_from_slice(&r.f32s(DENSE)?);
    let mut std = [0f32; DENSE];
    std.copy_from_slice(&r.f32s(DENSE)?);
    let inputs = tf_size + DENSE;
    let scales = r.f32s(inputs)?;
    let q1: Vec<i8> = r.take(inputs * hidden)?.iter().map(|&b| b as i8).collect();
    let b1 = r.f32s(hidden)?;
    let w2 = r.f32s(hidden * CLASSES)?;
    let mut b2 = [0f32; CLASSES];
    b2.copy_from_slice(&r.f32s(CLASSES)?);
    if r.at != r.bytes.len() {
        return Err(format!(
            "{} bytes left over after the model",
            r.bytes.len() - r.at
        ));
    }
    let net = Net {
        inputs,
        hidden,
        w1: Vec::new(),
        b1,
        w2,
        b2,
    };
    let vocab = Vocabulary::new(terms, idf, unknown_idf, tf_size);
    Ok(StanceModel::assemble(vocab, mean, std, scales, q1, net))
}
