//! The model file: `CGATTR1\n`, then for each of the two taggers its tag count, table
//! size, allowed transitions, transition weights, and its non-zero emission weights as
//! (gap-coded row index, 16-bit quantised value) pairs.

use super::perceptron::Tagger;

const MAGIC: &[u8] = b"CGATTR1\n";

/// Writes both taggers.
pub fn write(cue: &Tagger, role: &Tagger) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for t in [cue, role] {
        put_tagger(&mut out, t);
    }
    out
}

/// Reads both taggers, or says what is wrong with the bytes.
pub fn read(bytes: &[u8]) -> Result<(Tagger, Tagger), String> {
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or("not a claimgraph attribution model (bad header)")?;
    let mut r = Reader { bytes: rest, at: 0 };
    let cue = r.tagger()?;
    let role = r.tagger()?;
    if r.at != r.bytes.len() {
        return Err(format!(
            "{} bytes left over after the model",
            r.bytes.len() - r.at
        ));
    }
    Ok((cue, role))
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_tagger(out: &mut Vec<u8>, t: &Tagger) {
    out.push(t.ntags as u8);
    out.push(t.bits as u8);
    out.extend(t.allowed.iter().map(|&a| u8::from(a)));
    for w in &t.trans {
        out.extend_from_slice(&w.to_le_bytes());
    }
    let max = t.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    out.extend_from_slice(&scale.to_le_bytes());
    let entries: Vec<(usize, i16)> = t
        .weights
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let q = (w / scale).round() as i16;
            (q != 0).then_some((i, q))
        })
        .collect();
    put_varint(out, entries.len() as u64);
    let mut last = 0usize;
    for (i, q) in entries {
        put_varint(out, (i - last) as u64);
        out.extend_from_slice(&q.to_le_bytes());
        last = i;
    }
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

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn f32(&mut self) -> Result<f32, String> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(format!("bad number at byte {}", self.at))
    }

    fn tagger(&mut self) -> Result<Tagger, String> {
        let ntags = usize::from(self.byte()?);
        let bits = u32::from(self.byte()?);
        if ntags == 0 || ntags > 16 || !(8..=26).contains(&bits) {
            return Err(format!("bad tagger header before byte {}", self.at));
        }
        let nt = (ntags + 1) * ntags;
        let allowed = self.take(nt)?.iter().map(|&b| b != 0).collect();
        let mut t = Tagger::new(ntags, bits, allowed);
        for k in 0..nt {
            t.trans[k] = self.f32()?;
        }
        let scale = self.f32()?;
        let n = self.varint()?;
        let mut at = 0usize;
        for _ in 0..n {
            at = at
                .checked_add(self.varint()? as usize)
                .filter(|&i| i < t.weights.len())
                .ok_or_else(|| format!("weight index out of range at byte {}", self.at))?;
            let b = self.take(2)?;
            t.weights[at] = f32::from(i16::from_le_bytes([b[0], b[1]])) * scale;
        }
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_bad_bytes() {
        let mut a = Tagger::new(3, 8, vec![true; 12]);
        a.weights[5] = 2.5;
        a.weights[700] = -1.0;
        a.trans[3] = 0.75;
        let b = Tagger::new(5, 8, vec![false; 30]);
        let bytes = write(&a, &b);
        let (a2, b2) = read(&bytes).unwrap();
        assert_eq!(a2.trans, a.trans);
        assert!((a2.weights[5] - 2.5).abs() < 1e-3 && (a2.weights[700] + 1.0).abs() < 1e-3);
        assert_eq!(b2, b);
        assert!(read(b"nonsense").unwrap_err().contains("bad header"));
        assert!(read(&bytes[..bytes.len() - 1])
            .unwrap_err()
            .contains("ends early"));
    }
}
