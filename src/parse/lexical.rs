//! What the tagger and the parser know of a word by itself: hashes of its lowercased form,
//! of its form as written, of its first and last letters, and of its shape, computed once
//! per word of a sentence.

use super::hash::{add, bytes_hash, finish, str_hash};

/// Suffixes kept, by length in characters.
pub const SUFFIXES: usize = 4;
/// Prefixes kept, by length in characters.
pub const PREFIXES: usize = 3;

/// The lexical hashes of one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lex {
    /// The lowercased form.
    pub lower: u64,
    /// The form as written.
    pub form: u64,
    /// The last 1, 2, ... characters of the lowercased form (the whole word when shorter).
    pub suffix: [u64; SUFFIXES],
    /// The first 1, 2, ... characters of the lowercased form.
    pub prefix: [u64; PREFIXES],
    /// The shape: letters as `X`/`x`, digits as `d`, runs cut at two ("Al-Zaman" →
    /// `Xx-Xx`, "1990" → `dd`).
    pub shape: u64,
    /// Bit flags: 1 has an upper-case letter, 2 all letters upper case, 4 has a digit,
    /// 8 has a hyphen, 16 has no letter or digit, 32 first word of the sentence.
    pub flags: u64,
    /// The tags the word had in training, as the tagger's lexicon gives them (0 for a
    /// word it does not list); set by the tagger.
    pub amb: u64,
}

impl Lex {
    /// Stands for a position before the first word or after the last.
    pub const PAD: Lex = Lex {
        lower: 0x5eed_0000_0000_0001,
        form: 0x5eed_0000_0000_0002,
        suffix: [0x5eed_0000_0000_0003; SUFFIXES],
        prefix: [0x5eed_0000_0000_0004; PREFIXES],
        shape: 0x5eed_0000_0000_0005,
        flags: 64,
        amb: 0x5eed_0000_0000_0006,
    };

    /// The hashes of `form`; `lower` is a buffer for the lowercased form, which it holds
    /// afterwards.
    pub fn of(form: &str, first: bool, lower: &mut String) -> Lex {
        lower.clear();
        let mut flags = 0u64;
        let mut letters = 0usize;
        let mut uppers = 0usize;
        let mut shape: u64 = 0xcbf2_9ce4_8422_2325;
        let mut run = (0u8, 0usize);
        for c in form.chars() {
            let class = if c.is_uppercase() {
                uppers += 1;
                letters += 1;
                b'X'
            } else if c.is_alphabetic() {
                letters += 1;
                b'x'
            } else if c.is_ascii_digit() {
                flags |= 4;
                b'd'
            } else if c.is_ascii() {
                if c == '-' {
                    flags |= 8;
                }
                c as u8
            } else {
                b'o'
            };
            if run.0 == class {
                run.1 += 1;
            } else {
                run = (class, 1);
            }
            if run.1 <= 2 {
                shape = (shape ^ u64::from(class)).wrapping_mul(0x0000_0100_0000_01b3);
            }
            if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        if uppers > 0 {
            flags |= 1;
            if uppers == letters {
                flags |= 2;
            }
        }
        if letters == 0 && flags & 4 == 0 {
            flags |= 16;
        }
        if first {
            flags |= 32;
        }
        let mut suffix = [0u64; SUFFIXES];
        let mut prefix = [0u64; PREFIXES];
        let bytes = lower.as_bytes();
        // byte offsets of the last SUFFIXES character starts, nearest the end first
        let mut starts = [0usize; SUFFIXES];
        let mut found = 0;
        for (i, _) in lower.char_indices().rev().take(SUFFIXES) {
            starts[found] = i;
            found += 1;
        }
        for (k, s) in suffix.iter_mut().enumerate() {
            let start = if k < found { starts[k] } else { 0 };
            *s = add(bytes_hash(&bytes[start..]), k as u64);
        }
        let mut ends = lower
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain([bytes.len()]);
        let mut end = 0;
        for (k, p) in prefix.iter_mut().enumerate() {
            end = ends.next().unwrap_or(end);
            *p = add(bytes_hash(&bytes[..end]), 16 + k as u64);
        }
        Lex {
            lower: str_hash(lower),
            form: finish(str_hash(form) ^ 0x0f0f),
            suffix,
            prefix,
            shape: finish(shape),
            flags,
            amb: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_affixes_and_flags() {
        let mut buf = String::new();
        let a = Lex::of("Al-Zaman", true, &mut buf);
        assert_eq!(buf, "al-zaman");
        let b = Lex::of("Xy-Xyyy", false, &mut buf);
        assert_eq!(a.shape, b.shape);
        assert_eq!(a.flags, 1 | 8 | 32);
        assert_eq!(b.flags, 1 | 8);
        let c = Lex::of("SAID", false, &mut buf);
        let d = Lex::of("said", false, &mut buf);
        assert_eq!(c.lower, d.lower);
        assert_ne!(c.form, d.form);
        assert_eq!(c.suffix, d.suffix);
        assert_eq!(c.flags, 3);
        let e = Lex::of("laid", false, &mut buf);
        assert_eq!(e.suffix[2], d.suffix[2]);
        assert_ne!(e.suffix[3], d.suffix[3]);
        assert_eq!(
            Lex::of("1990", false, &mut buf).shape,
            Lex::of("42", false, &mut buf).shape
        );
        assert_eq!(Lex::of("...", false, &mut buf).flags, 16);
        // short and non-ASCII words
        let f = Lex::of("é", false, &mut buf);
        assert_ne!(f.suffix[0], f.suffix[3]);
        assert_eq!(
            Lex::of("Éa", false, &mut buf).lower,
            Lex::of("éa", false, &mut buf).lower
        );
    }
}
