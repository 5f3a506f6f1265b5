//! Keys and sources interned to dense numbers: a fast hash of short strings, strings
//! numbered by first appearance, and every claim's keys as ids.

use crate::claims::Claim;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A 64-bit hash of a key: multiply-rotate over 8-byte words (as rustc's FxHash), the
/// length mixed in, and a final avalanche so that every bit depends on every input bit.
/// Fast on short strings; not resistant to collisions made on purpose, so interning
/// checks for them (see [`intern`]).
pub(super) fn key_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w.try_into().expect("8 bytes"))).wrapping_mul(K);
    }
    let tail = words.remainder();
    if !tail.is_empty() {
        let mut w = [0u8; 8];
        w[..tail.len()].copy_from_slice(tail);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    // the finaliser of MurmurHash3
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A hasher of strings by [`key_hash`], for maps of many short strings.
#[derive(Default)]
struct StrHasher(u64);

impl Hasher for StrHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = (self.0.rotate_left(5) ^ key_hash(bytes)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Strings numbered in order of first appearance: equal strings, equal numbers.
pub(in crate::link) struct Numbered {
    /// The number of each string.
    pub(in crate::link) of: Vec<u32>,
    /// How many distinct strings there are.
    pub(in crate::link) count: usize,
}

impl Numbered {
    /// Numbers `strings`. A string equal to the one before takes its number without a
    /// look-up (claims come article after article).
    pub(in crate::link) fn new<'s>(strings: impl Iterator<Item = &'s str>) -> Numbered {
        let mut map: HashMap<&str, u32, BuildHasherDefault<StrHasher>> = HashMap::default();
        let mut last: Option<(&str, u32)> = None;
        let of = strings
            .map(|s| match last {
                Some((l, n)) if l == s => n,
                _ => {
                    let next = map.len() as u32;
                    let n = *map.entry(s).or_insert(next);
                    last = Some((s, n));
                    n
                }
            })
            .collect();
        Numbered {
            of,
            count: map.len(),
        }
    }
}

/// A hasher for keys that are hashes already: passes them through.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = key_hash(bytes);
    }

    fn write_u64(&mut self, h: u64) {
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Every claim's keys as ids: where each claim's ids start (one more entry than claims),
/// the id of every key of every claim, claim after claim, and the distinct keys in order
/// of first appearance (a key's id is its position).
///
/// Keys are told apart by `hash` first, with a small table of 64-bit numbers and no string
/// comparison; then every key is compared with the first key of its id, in parallel. Only
/// if two different keys had the same hash (a 1 in 10^9 chance for a million distinct
/// keys, unless made on purpose) are the keys interned again, by the strings themselves
/// with the standard library's keyed hash.
pub(super) fn intern<'a>(
    claims: &'a [Claim],
    hash: fn(&[u8]) -> u64,
) -> (Vec<usize>, Vec<u32>, Vec<&'a str>) {
    // hashing reads every key, so it is done in parallel; numbering is a quick pass
    let hashes: Vec<Vec<u64>> = claims
        .par_chunks(4096)
        .map(|block| {
            block
                .iter()
                .flat_map(|c| c.keys.iter().map(|k| hash(k.as_bytes())))
                .collect()
        })
        .collect();
    let mut start = Vec::with_capacity(claims.len() + 1);
    let mut ids: Vec<u32> = Vec::with_capacity(hashes.iter().map(Vec::len).sum());
    let mut distinct: Vec<&'a str> = Vec::new();
    let mut by_hash: HashMap<u64, u32, BuildHasherDefault<PassThrough>> = HashMap::default();
    start.push(0);
    for (block, hashes) in claims.chunks(4096).zip(hashes) {
        let mut h = hashes.into_iter();
        for c in block {
            for k in &c.keys {
                let id = by_hash
                    .entry(h.next().expect("one hash per key"))
                    .or_insert_with(|| {
                        distinct.push(k);
                        (distinct.len() - 1) as u32
                    });
                ids.push(*id);
            }
            start.push(ids.len());
        }
    }
    drop(by_hash);
    let exact = claims.par_iter().enumerate().all(|(i, c)| {
        c.keys
            .iter()
            .zip(&ids[start[i]..start[i + 1]])
            .all(|(k, &id)| k == distinct[id as usize])
    });
    if !exact {
        ids.clear();
        distinct.clear();
        let mut by_key: HashMap<&str, u32> = HashMap::new();
        for c in claims {
            for k in &c.keys {
                ids.push(*by_key.entry(k).or_insert_with(|| {
                    distinct.push(k);
                    (distinct.len() - 1) as u32
                }));
            }
        }
    }
    (start, ids, distinct)
}
