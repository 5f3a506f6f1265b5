//! The model file: `CGATTR1\n`, then for each of the two taggers its tag count, table
//! size, allowed transitions, transition weights, and its non-zero emission weights as
//! (gap-coded row index, 16-bit quantised value) pairs.

use super::tagger::Tagger;

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
    let mut t = t.clone();
    t.freeze();
    let p = t.packed.as_ref().expect("frozen");
    out.push(t.ntags as u8);
    out.push(t.bits as u8);
    out.extend(t.allowed.iter().map(|&a| u8::from(a)));
    for w in &t.trans {
        out.extend_from_slice(&w.to_le_bytes());
    }
    out.extend_from_slice(&p.scale.to_le_bytes());
    // entries are numbered row * ntags + tag, whatever the padding in memory
    let entries: Vec<(usize, i16)> =
        p.w.chunks(p.stride)
            .enumerate()
            .flat_map(|(row, ws)| {
                ws[..t.ntags]
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| **q != 0)
                    .map(move |(tag, q)| (row * t.ntags + tag, *q))
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
        let stride = ntags.next_power_of_two();
        let mut w = vec![0i16; (1usize << bits) * stride];
        let mut at = 0usize;
        for _ in 0..n {
            at = at
                .checked_add(self.varint()? as usize)
                .filter(|&i| i < (1usize << bits) * ntags)
                .ok_or_else(|| format!("weight index out of range at byte {}", self.at))?;
            let b = self.take(2)?;
            w[at / ntags * stride + at % ntags] = i16::from_le_bytes([b[0], b[1]]);
        }
        t.weights = Vec::new();
        t.packed = Some(super::tagger::Packed { stride, scale, w });
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
        let p = a2.packed.as_ref().unwrap();
        // index 5 is row 1, tag 2; index 700 is row 233, tag 1 (rows padded to 4)
        let at = |row: usize, tag: usize| f32::from(p.w[row * 4 + tag]) * p.scale;
        assert!((at(1, 2) - 2.5).abs() < 1e-3 && (at(233, 1) + 1.0).abs() < 1e-3);
        let mut b = b;
        b.freeze();
        assert_eq!(b2, b);
        // writing what was read gives the same bytes
        assert_eq!(write(&a2, &b2), bytes);
        assert!(read(b"nonsense").unwrap_err().contains("bad header"));
        assert!(read(&bytes[..bytes.len() - 1])
            .unwrap_err()
            .contains("ends early"));
    }
}
