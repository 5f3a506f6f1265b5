//! Byte-level reading and writing of the model file: little-endian numbers, LEB128
//! variable-length integers and length-prefixed strings, with a reader that says where the
//! bytes went wrong.

/// Appends a variable-length unsigned integer (7 bits a byte, low bits first).
pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Appends a string as its length and its UTF-8 bytes.
pub fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A cursor over the model's bytes.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("model ends early at byte {}", self.at))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    /// One byte.
    pub fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    /// A little-endian 16-bit signed integer.
    pub fn i16(&mut self) -> Result<i16, String> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }

    /// A little-endian 32-bit float.
    pub fn f32(&mut self) -> Result<f32, String> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A variable-length unsigned integer.
    pub fn varint(&mut self) -> Result<u64, String> {
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

    /// A variable-length count no larger than `max`, as a `usize`.
    pub fn count(&mut self, max: usize, what: &str) -> Result<usize, String> {
        let at = self.at;
        let v = self.varint()?;
        usize::try_from(v)
            .ok()
            .filter(|&v| v <= max)
            .ok_or_else(|| format!("{what} out of range ({v}) at byte {at}"))
    }

    /// A length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<&'a str, String> {
        let at = self.at;
        let n = self.count(1 << 20, "string length")?;
        std::str::from_utf8(self.take(n)?)
            .map_err(|_| format!("bad UTF-8 in the string at byte {at}"))
    }

    /// The bytes not yet read.
    pub fn rest(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// Fails unless every byte was read.
    pub fn finish(&self) -> Result<(), String> {
        match self.rest() {
            0 => Ok(()),
            n => Err(format!("{n} bytes left over after the model")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_strings_round_trip() {
        let mut out = Vec::new();
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            put_varint(&mut out, v);
        }
        put_str(&mut out, "déjà");
        out.extend_from_slice(&(-5i16).to_le_bytes());
        out.extend_from_slice(&1.5f32.to_le_bytes());
        let mut r = Reader::new(&out);
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.varint().unwrap(), v);
        }
        assert_eq!(r.str().unwrap(), "déjà");
        assert_eq!(r.i16().unwrap(), -5);
        assert_eq!(r.f32().unwrap(), 1.5);
        assert!(r.finish().is_ok());
        assert!(r.byte().unwrap_err().contains("ends early"));
        let mut r = Reader::new(&[0x85]);
        assert!(r.varint().is_err());
        let mut r = Reader::new(&[200, 1]);
        assert!(r
            .count(10, "tags")
            .unwrap_err()
            .contains("tags out of range"));
    }
}
