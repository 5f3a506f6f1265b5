//! Keys and sources interned to dense numbers: a fast hash of short strings, strings
//! numbered by first appearance, and every claim's keys as ids.

use crate::claims::Claim;
use crate::link::source::ClaimSource;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A 64-bit hash of a key: multiply-rotate over 8-byte words (as rustc's FxHash), the
/// length mixed in, and a final avalanche so that every bit depends on every input bit.
/// Fast on short strings; not resistant to collisions made on purpose, so interning
/// checks for them (see [`intern`]).
pub(in crate::link) fn key_hash(bytes: &[u8]) -> u64 {
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
        let mut counter = Counter::default();
        let of = strings.map(|s| counter.number(s)).collect();
        Numbered {
            of,
            count: counter.map.len(),
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

/// What the first pass over a set of claims reads of them: every claim's keys as ids
/// (where each claim's ids start, one more entry than claims, and the id of every key of
/// every claim, claim after claim), the distinct keys in order of first appearance (a
/// key's id is its position), the claims' articles, sources and affiliations numbered,
/// and what the caller's `extra` made of each claim.
pub(in crate::link) struct Interned<T> {
    /// Where each claim's key ids start in [`Interned::ids`].
    pub(in crate::link) start: Vec<usize>,
    /// Every claim's key ids, claim after claim.
    pub(in crate::link) ids: Vec<u32>,
    /// The distinct keys, by id.
    pub(in crate::link) distinct: Vec<Box<str>>,
    /// The claims' articles, numbered.
    pub(in crate::link) articles: Numbered,
    /// The claims' sources ([`Claim::origin`]), numbered.
    pub(in crate::link) sources: Numbered,
    /// The claims' affiliations, numbered, where they have one.
    pub(in crate::link) affiliations: Vec<Option<u32>>,
    /// What `extra` made of each claim.
    pub(in crate::link) extra: Vec<T>,
}

/// Claims read at once, in parallel, before their keys are numbered in order.
const BATCH: usize = 1 << 16;

/// Reads every claim of `claims` once, batch after batch (a batch's claims are made in
/// parallel and held only while its keys are numbered), and interns its keys, article,
/// source and affiliation; `extra` makes what else the caller keeps of a claim.
///
/// Keys are told apart by `hash` first, with a small table of 64-bit numbers; a key whose
/// hash is known is compared with the first key of that hash. Only if two different keys
/// had the same hash (a 1 in 10^9 chance for a million distinct keys, unless made on
/// purpose) are the claims read again and their keys interned by the strings themselves
/// with the standard library's keyed hash.
pub(in crate::link) fn intern<S, T>(
    claims: &S,
    hash: fn(&[u8]) -> u64,
    extra: impl Fn(&Claim) -> T + Sync,
) -> Interned<T>
where
    S: ClaimSource + ?Sized,
    T: Send,
{
    intern_as(claims, Some(hash), &extra).unwrap_or_else(|| {
        intern_as(claims, None, &extra).expect("interning by string never clashes")
    })
}

/// [`intern`] by `hash`, or by string when it is `None`; `None` when two keys of one hash
/// differ.
fn intern_as<S, T>(
    claims: &S,
    hash: Option<fn(&[u8]) -> u64>,
    extra: &(impl Fn(&Claim) -> T + Sync),
) -> Option<Interned<T>>
where
    S: ClaimSource + ?Sized,
    T: Send,
{
    let n = claims.len();
    let mut start = Vec::with_capacity(n + 1);
    let mut ids: Vec<u32> = Vec::new();
    let mut distinct: Vec<Box<str>> = Vec::new();
    let mut by_hash: HashMap<u64, u32, BuildHasherDefault<PassThrough>> = HashMap::default();
    let mut by_key: HashMap<Box<str>, u32> = HashMap::new();
    let mut articles = Counter::default();
    let mut sources = Counter::default();
    let mut affiliations = Counter::default();
    let (mut article_of, mut source_of) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut affiliation_of = Vec::with_capacity(n);
    let mut kept = Vec::with_capacity(n);
    start.push(0);
    for from in (0..n).step_by(BATCH) {
        let read: Vec<(Cow<Claim>, Vec<u64>, T)> = (from..(from + BATCH).min(n))
            .into_par_iter()
            .map(|i| {
                let c = claims.claim(i);
                let hashes = match hash {
                    Some(h) => c.keys.iter().map(|k| h(k.as_bytes())).collect(),
                    None => Vec::new(),
                };
                let x = extra(&c);
                (c, hashes, x)
            })
            .collect();
        for (c, hashes, x) in read {
            for (at, k) in c.keys.iter().enumerate() {
                let next = distinct.len() as u32;
                let id = match hash {
                    Some(_) => {
                        let id = *by_hash.entry(hashes[at]).or_insert(next);
                        if id != next && *distinct[id as usize] != **k {
                            return None;
                        }
                        id
                    }
                    None => *by_key.entry(k.as_str().into()).or_insert(next),
                };
                if id == next {
                    distinct.push(k.as_str().into());
                }
                ids.push(id);
            }
            start.push(ids.len());
            article_of.push(articles.number(&c.article));
            source_of.push(sources.number(c.origin().as_str()));
            affiliation_of.push(c.affiliation.as_deref().map(|a| affiliations.number(a)));
            kept.push(x);
        }
    }
    Some(Interned {
        start,
        ids,
        distinct,
        articles: Numbered {
            of: article_of,
            count: articles.map.len(),
        },
        sources: Numbered {
            of: source_of,
            count: sources.map.len(),
        },
        affiliations: affiliation_of,
        extra: kept,
    })
}

/// Strings numbered as they come, for [`intern`] and [`Numbered::new`]: a string equal
/// to the one before takes its number without a look-up (claims come article after
/// article).
#[derive(Default)]
struct Counter {
    map: HashMap<Box<str>, u32, BuildHasherDefault<StrHasher>>,
    /// The string before and its number.
    last: Option<(String, u32)>,
}

impl Counter {
    fn number(&mut self, s: &str) -> u32 {
        if let Some((l, n)) = &self.last {
            if l == s {
                return *n;
            }
        }
        let n = match self.map.get(s) {
            Some(&n) => n,
            None => {
                let n = self.map.len() as u32;
                self.map.insert(s.into(), n);
                n
            }
        };
        let (l, number) = self.last.get_or_insert_with(Default::default);
        l.clear();
        l.push_str(s);
        *number = n;
        n
    }
}
