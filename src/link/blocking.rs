//! Candidate pairs: which claims are worth comparing, found by blocking on content keys so
//! that the work grows close to linearly with the number of claims instead of with the
//! number of pairs.
//!
//! The keys of a claim ([`Claim::keys`]: stems, names, numbers, quoted words) are interned
//! to dense `u32` ids, numbered in the keys' lexicographic order so that sorting ids sorts
//! the keys. An inverted index lists, for every key, the claims that carry it; both the
//! claims' keys and the keys' claims are flat arrays with offsets. Then, for each claim
//! (claims in parallel), the claims met in the posting lists of its keys are gathered with
//! the key's inverse document frequency (IDF) and sorted: each partner's shared keys form
//! a run, which gives their number and summed IDF. No pair that shares a single key is
//! stored and no map keyed by pairs is built; the memory is the index, a small buffer per
//! thread and the pairs kept.
//!
//! Three limits, all in [`super::thresholds`], decide what is kept:
//!
//! - a key carried by more than [`MAX_KEY_FREQUENCY`] claims does not make pairs (a *stop
//!   key*). Walking a key's posting list from each of its `df` claims costs `df²`; with the
//!   cap the whole walk costs at most `MAX_KEY_FREQUENCY` steps per key a claim carries,
//!   linear in the size of the input. Such a key is also weak evidence: that two claims
//!   both mention "government" says little about whether they make the same claim.
//! - a pair needs at least [`MIN_SHARED_KEYS`] shared keys that are not stop keys.
//! - each claim keeps at most [`MAX_CANDIDATES_PER_CLAIM`] partners, the best by summed
//!   IDF of the shared keys (then by their number, then the earlier claim); a pair is kept
//!   when either of its claims keeps it. This bounds the pairs, and so the work of
//!   [`super::link`], by `MAX_CANDIDATES_PER_CLAIM` times the number of claims.
//!
//! The keys listed for a pair are all the keys its claims share, stop keys included: a stop
//! key cannot make a pair, but once a pair is made it is part of the pair's overlap, so the
//! overlap of two claims does not depend on how many other claims there are.
//!
//! Claims of one named source that share a key ([`same_source_pairs`]) are found the same
//! way, with (source, key) tokens in place of keys: the key postings are walked once and
//! each entry put in its source's bucket, which gives the tokens' postings in order without
//! hashing or sorting. One shared token is enough; the two caps are the same.
//!
//! Being partners is symmetric, so a claim whose partners cannot exceed the cap (its
//! tokens meet other claims at most `min_shared × MAX_CANDIDATES_PER_CLAIM` times) keeps
//! them all, and a later claim leaves their pair to it: most pairs are written once, not
//! twice, before the pairs are sorted and repeats dropped.
//!
//! The output is deterministic: the same claims give the same pairs in the same order, on
//! any number of threads.
//!
//! [`MAX_KEY_FREQUENCY`]: super::thresholds::MAX_KEY_FREQUENCY
//! [`MIN_SHARED_KEYS`]: super::thresholds::MIN_SHARED_KEYS
//! [`MAX_CANDIDATES_PER_CLAIM`]: super::thresholds::MAX_CANDIDATES_PER_CLAIM

use super::relate::anonymous_source;
use super::thresholds;
use crate::claims::Claim;
use rayon::prelude::*;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// Pairs of claims worth comparing, as `(a, b, shared keys)` with `a < b`, sorted by
/// `(a, b)`; the shared keys are sorted and without repeats.
///
/// Two claims make a pair when they share at least [`thresholds::MIN_SHARED_KEYS`] keys
/// carried by no more than [`thresholds::MAX_KEY_FREQUENCY`] claims, and one of them counts
/// the other among its [`thresholds::MAX_CANDIDATES_PER_CLAIM`] best partners. The listed
/// keys are all those the two share, too-common ones included. See the [module
/// documentation](self) for why.
///
/// # Panics
///
/// With more than `u32::MAX` claims.
pub fn candidates(claims: &[Claim]) -> Vec<(usize, usize, Vec<String>)> {
    candidates_with(claims, &Limits::default())
}

/// The limits of blocking; [`Limits::default`] takes them from [`thresholds`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Limits {
    /// A key carried by more claims than this does not make pairs.
    max_key_frequency: usize,
    /// Least number of shared keys (not counting too-common ones) for a pair.
    min_shared: usize,
    /// Most partners a claim keeps.
    max_per_claim: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_key_frequency: thresholds::MAX_KEY_FREQUENCY,
            min_shared: thresholds::MIN_SHARED_KEYS,
            max_per_claim: thresholds::MAX_CANDIDATES_PER_CLAIM,
        }
    }
}

impl Limits {
    /// The limits of same-source pairs: one shared key is enough, the caps are those of
    /// candidates.
    fn same_source() -> Limits {
        Limits {
            min_shared: 1,
            ..Limits::default()
        }
    }
}

/// Pairs of claims of the same named source that share at least one content key, as
/// `(a, b)` with `a < b`, sorted: a source retold in two articles. Claims of an article's
/// own voice or of an unknown speaker (source ids starting `article:` or `unknown:`) are
/// left out.
///
/// This is blocking on (source, key) tokens, with the caps of [`candidates`]: a key that
/// more than [`thresholds::MAX_KEY_FREQUENCY`] claims of one source carry makes no pairs
/// among them, and each claim keeps at most [`thresholds::MAX_CANDIDATES_PER_CLAIM`]
/// partners, the best by summed IDF of the shared (source, key) tokens; a pair is kept
/// when either of its claims keeps it.
///
/// # Panics
///
/// With more than `u32::MAX` claims.
pub fn same_source_pairs(claims: &[Claim]) -> Vec<(usize, usize)> {
    let sources = Numbered::new(claims.iter().map(|c| c.origin().as_str()));
    KeyIndex::new(claims)
        .by_source_and_key(claims, &sources)
        .pairs(&Limits::same_source())
        .into_iter()
        .map(unpack)
        .collect()
}

/// A pair `a << 32 | b` as `(a, b)`.
pub(super) fn unpack(p: u64) -> (usize, usize) {
    ((p >> 32) as usize, (p & 0xffff_ffff) as usize)
}

fn candidates_with(claims: &[Claim], limits: &Limits) -> Vec<(usize, usize, Vec<String>)> {
    let index = KeyIndex::new(claims);
    let pairs = index.candidate_pairs(limits);
    pairs
        .par_iter()
        .map(|&p| {
            let (a, b) = unpack(p);
            let shared = index
                .shared(a as u32, b as u32)
                .map(|k| index.key(k).to_string())
                .collect();
            (a, b, shared)
        })
        .collect()
}

/// A 64-bit hash of a key: multiply-rotate over 8-byte words (as rustc's FxHash), the
/// length mixed in, and a final avalanche so that every bit depends on every input bit.
/// Fast on short strings; not resistant to collisions made on purpose, so interning
/// checks for them (see [`intern`]).
fn key_hash(bytes: &[u8]) -> u64 {
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
pub(super) struct Numbered {
    /// The number of each string.
    pub(super) of: Vec<u32>,
    /// How many distinct strings there are.
    pub(super) count: usize,
}

impl Numbered {
    /// Numbers `strings`. A string equal to the one before takes its number without a
    /// look-up (claims come article after article).
    pub(super) fn new<'s>(strings: impl Iterator<Item = &'s str>) -> Numbered {
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
fn intern<'a>(claims: &'a [Claim], hash: fn(&[u8]) -> u64) -> (Vec<usize>, Vec<u32>, Vec<&'a str>) {
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

/// Claims described by token ids (content keys, or a source's keys), with the inverted
/// index: the claims that carry each token. Both directions are flat arrays with offsets.
struct Postings {
    /// Where each claim's tokens start in `claim_tokens` (one more entry than claims).
    claim_start: Vec<usize>,
    /// Every claim's tokens, ascending and without repeats, claim after claim.
    claim_tokens: Vec<u32>,
    /// Where each token's claims start in `postings` (one more entry than tokens).
    token_start: Vec<usize>,
    /// Every token's claims, ascending, token after token.
    postings: Vec<u32>,
}

impl Postings {
    /// The postings of claims' tokens (each claim's ascending, without repeats), `tokens`
    /// of them, by counting sort: claims are visited in order, so each list ascends.
    fn invert(claim_start: Vec<usize>, claim_tokens: Vec<u32>, tokens: usize) -> Postings {
        let mut token_start = vec![0usize; tokens + 1];
        for &t in &claim_tokens {
            token_start[t as usize + 1] += 1;
        }
        for t in 0..tokens {
            token_start[t + 1] += token_start[t];
        }
        let mut fill = token_start.clone();
        let mut postings = vec![0u32; claim_tokens.len()];
        for i in 0..claim_start.len() - 1 {
            for &t in &claim_tokens[claim_start[i]..claim_start[i + 1]] {
                postings[fill[t as usize]] = i as u32;
                fill[t as usize] += 1;
            }
        }
        Postings {
            claim_start,
            claim_tokens,
            token_start,
            postings,
        }
    }

    fn claim_count(&self) -> usize {
        self.claim_start.len() - 1
    }

    fn token_count(&self) -> usize {
        self.token_start.len() - 1
    }

    /// The tokens of claim `i`, ascending.
    fn tokens_of(&self, i: u32) -> &[u32] {
        &self.claim_tokens[self.claim_start[i as usize]..self.claim_start[i as usize + 1]]
    }

    /// The claims carrying token `t`, ascending.
    fn claims_of(&self, t: u32) -> &[u32] {
        &self.postings[self.token_start[t as usize]..self.token_start[t as usize + 1]]
    }

    /// The weight of each token for making pairs: its IDF, `ln(claims / df)`, in 1/256ths
    /// (integers, so that sums are exact whatever their order), or `None` for a token that
    /// makes no pairs (carried by one claim, or by more than the cap).
    fn weights(&self, max_key_frequency: usize) -> Vec<Option<u32>> {
        let n = self.claim_count() as f64;
        (0..self.token_count())
            .map(|t| {
                let df = self.token_start[t + 1] - self.token_start[t];
                (2..=max_key_frequency)
                    .contains(&df)
                    .then(|| ((n / df as f64).ln() * 256.0).round() as u32)
            })
            .collect()
    }

    /// The pairs, each as `a << 32 | b` with `a < b`, ascending and without repeats, that
    /// the limits keep.
    fn pairs(&self, limits: &Limits) -> Vec<u64> {
        sorted_unique(self.kept_pairs(limits, None, &pack))
    }

    /// The pairs that the limits keep, as found claim by claim (in the order `order` lists
    /// the claims, or in theirs): each pair `(a, b)`, `a < b`, as `place(a, b)`, in parts,
    /// some more than once (see [`Postings::partners`]).
    fn kept_pairs(
        &self,
        limits: &Limits,
        order: Option<&[u32]>,
        place: &(dyn Fn(u32, u32) -> u64 + Sync),
    ) -> Vec<Vec<u64>> {
        let n = self.claim_count();
        // a pair is met through a token it shares, so one shared token is the least there is
        let limits = &Limits {
            min_shared: limits.min_shared.max(1),
            ..*limits
        };
        if n < 2 || limits.max_per_claim == 0 {
            return Vec::new();
        }
        let weights = self.weights(limits.max_key_frequency);
        let keeps_all = self.keeps_all(&weights, limits);
        const CHUNK: usize = 4096;
        let chunks: Vec<Range<usize>> = (0..n)
            .step_by(CHUNK)
            .map(|s| s..(s + CHUNK).min(n))
            .collect();
        chunks
            .into_par_iter()
            .map_init(Scratch::default, |scratch, range| {
                let mut out = Vec::new();
                for i in range {
                    let i = order.map_or(i as u32, |o| o[i]);
                    let found = Found {
                        weights: &weights,
                        keeps_all: &keeps_all,
                        place,
                    };
                    self.partners(i, &found, limits, scratch, &mut out);
                }
                out.shrink_to_fit();
                out
            })
            .collect()
    }

    /// For each claim, whether it surely keeps every partner it has: when its tokens meet
    /// other claims at most `min_shared * max_per_claim` times, it cannot have more than
    /// `max_per_claim` partners.
    fn keeps_all(&self, weights: &[Option<u32>], limits: &Limits) -> Vec<bool> {
        let bound = limits.min_shared.saturating_mul(limits.max_per_claim);
        (0..self.claim_count() as u32)
            .into_par_iter()
            .map(|i| {
                let meets: usize = self
                    .tokens_of(i)
                    .iter()
                    .filter(|&&t| weights[t as usize].is_some())
                    .map(|&t| self.claims_of(t).len() - 1)
                    .sum();
                meets <= bound
            })
            .collect()
    }

    /// Adds to `out` the pairs of claim `i` with the partners it keeps, each as
    /// `lower << 32 | higher`.
    ///
    /// Being partners is symmetric, so a pair with an earlier claim `j` that keeps all its
    /// partners (`keeps_all[j]`) is left to `j`: this spares writing and sorting most pairs
    /// twice.
    ///
    /// The claims met in the posting lists of `i`'s tokens are gathered with the token's
    /// weight and sorted, so that each partner's tokens form a run: sorting a few hundred
    /// numbers that fit in the processor's cache is cheaper than counting in an array over
    /// all claims, where nearly every step would miss the cache.
    fn partners(
        &self,
        i: u32,
        found: &Found,
        limits: &Limits,
        s: &mut Scratch,
        out: &mut Vec<u64>,
    ) {
        let (weights, keeps_all) = (found.weights, found.keeps_all);
        s.hits.clear();
        for &t in self.tokens_of(i) {
            let Some(w) = weights[t as usize] else {
                continue;
            };
            s.hits.extend(
                self.claims_of(t)
                    .iter()
                    .filter(|&&j| j != i)
                    .map(|&j| (u64::from(j) << 32) | u64::from(w)),
            );
        }
        s.hits.sort_unstable();
        s.kept.clear();
        for run in s.hits.chunk_by(|x, y| x >> 32 == y >> 32) {
            if run.len() >= limits.min_shared {
                let score = run
                    .iter()
                    .map(|&h| h as u32)
                    .fold(0u32, u32::saturating_add);
                s.kept
                    .push((score, run.len() as u32, (run[0] >> 32) as u32));
            }
        }
        if s.kept.len() > limits.max_per_claim {
            // best first: higher IDF sum, more tokens, then the earlier claim
            let best = |x: &(u32, u32, u32), y: &(u32, u32, u32)| {
                y.0.cmp(&x.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2))
            };
            s.kept
                .select_nth_unstable_by(limits.max_per_claim - 1, best);
            s.kept.truncate(limits.max_per_claim);
        }
        out.extend(s.kept.iter().filter_map(|&(_, _, j)| {
            if i < j {
                Some((found.place)(i, j))
            } else if !keeps_all[j as usize] {
                Some((found.place)(j, i))
            } else {
                None
            }
        }));
    }
}

/// What [`Postings::partners`] reads besides the postings.
struct Found<'f> {
    /// The weight of each token, `None` for one that makes no pairs.
    weights: &'f [Option<u32>],
    /// Whether each claim keeps all its partners ([`Postings::keeps_all`]).
    keeps_all: &'f [bool],
    /// How a pair `(a, b)`, `a < b`, is written out.
    place: &'f (dyn Fn(u32, u32) -> u64 + Sync),
}

/// A pair `(a, b)` as `a << 32 | b`.
fn pack(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// The pairs of some parts, ascending and without repeats.
pub(super) fn sorted_unique(parts: Vec<Vec<u64>>) -> Vec<u64> {
    let mut all = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for part in parts {
        all.extend_from_slice(&part);
    }
    all.par_sort_unstable();
    all.dedup();
    all.shrink_to_fit();
    all
}

/// Per-thread working memory of [`Postings::partners`], kept between claims.
#[derive(Default)]
struct Scratch {
    /// `partner << 32 | token weight` for every token shared with a partner.
    hits: Vec<u64>,
    /// (score, count, partner) of the partners with enough shared tokens.
    kept: Vec<(u32, u32, u32)>,
}

/// The keys of a set of claims, interned, with an inverted index: what linking blocks on.
pub(super) struct KeyIndex<'a> {
    /// The distinct keys, sorted; a key's id is its position.
    keys: Vec<&'a str>,
    /// The claims' key ids and the claims of each key.
    by_key: Postings,
}

impl<'a> KeyIndex<'a> {
    /// The index of the claims' keys.
    ///
    /// # Panics
    ///
    /// With more than `u32::MAX` claims or keys.
    pub(super) fn new(claims: &'a [Claim]) -> KeyIndex<'a> {
        KeyIndex::with_hash(claims, key_hash)
    }

    fn with_hash(claims: &'a [Claim], hash: fn(&[u8]) -> u64) -> KeyIndex<'a> {
        assert!(
            u32::try_from(claims.len()).is_ok(),
            "blocking handles at most u32::MAX claims"
        );
        let (mut claim_start, mut claim_keys, distinct) = intern(claims, hash);
        // renumbered in lexicographic order
        let mut order: Vec<u32> = (0..distinct.len() as u32).collect();
        order.par_sort_unstable_by_key(|&id| distinct[id as usize]);
        let mut rank = vec![0u32; order.len()];
        for (r, &id) in order.iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        let keys: Vec<&str> = order.iter().map(|&id| distinct[id as usize]).collect();
        drop(distinct);
        drop(order);
        // each claim's ids sorted, repeats dropped, compacted in place
        let mut write = 0;
        for i in 0..claims.len() {
            let (s, e) = (claim_start[i], claim_start[i + 1]);
            for x in &mut claim_keys[s..e] {
                *x = rank[*x as usize];
            }
            claim_keys[s..e].sort_unstable();
            claim_start[i] = write;
            for r in s..e {
                if r == s || claim_keys[r] != claim_keys[r - 1] {
                    claim_keys[write] = claim_keys[r];
                    write += 1;
                }
            }
        }
        claim_start[claims.len()] = write;
        claim_keys.truncate(write);
        drop(rank);
        let by_key = Postings::invert(claim_start, claim_keys, keys.len());
        KeyIndex { keys, by_key }
    }

    /// The key with id `k`.
    pub(super) fn key(&self, k: u32) -> &'a str {
        self.keys[k as usize]
    }

    /// The distinct keys, sorted; a key's id is its position.
    pub(super) fn keys(&self) -> &[&'a str] {
        &self.keys
    }

    /// The key ids of claim `i`, ascending (so in the keys' lexicographic order), without
    /// repeats.
    pub(super) fn keys_of(&self, i: usize) -> &[u32] {
        self.by_key.tokens_of(i as u32)
    }

    /// The key ids claims `a` and `b` share, ascending.
    fn shared(&self, a: u32, b: u32) -> impl Iterator<Item = u32> + '_ {
        let (x, y) = (self.by_key.tokens_of(a), self.by_key.tokens_of(b));
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < x.len() && j < y.len() {
                match x[i].cmp(&y[j]) {
                    Ordering::Less => i += 1,
                    Ordering::Greater => j += 1,
                    Ordering::Equal => {
                        i += 1;
                        j += 1;
                        return Some(x[i - 1]);
                    }
                }
            }
            None
        })
    }

    /// The candidate pairs (see [`candidates`]) as `a << 32 | b`, ascending.
    fn candidate_pairs(&self, limits: &Limits) -> Vec<u64> {
        self.by_key.pairs(limits)
    }

    /// The pairs [`super::link`] blocks on, as found: the candidate pairs (see
    /// [`candidates`]) and the same-source pairs (see [`same_source_pairs`]), each pair
    /// `(a, b)`, `a < b`, as `place(a, b)`, in parts, some more than once. `claims` are those
    /// the index was built from, `sources` their sources numbered, `by_source` every claim
    /// once, those of one source together.
    pub(super) fn link_pairs(
        &self,
        claims: &[Claim],
        sources: &Numbered,
        by_source: &[u32],
        place: &(dyn Fn(u32, u32) -> u64 + Sync),
    ) -> Vec<Vec<u64>> {
        let mut parts = self.by_key.kept_pairs(&Limits::default(), None, place);
        let ss = self.by_source_and_key(claims, sources);
        // claim after claim of one source, the postings read are those of that source
        parts.extend(ss.kept_pairs(&Limits::same_source(), Some(by_source), place));
        parts
    }

    /// The postings of (source, key) tokens: one token for every key of every named source
    /// (see [`same_source_pairs`]), so that two claims share a token when they have the same
    /// source and share a key. `claims` are those the index was built from, `sources` their
    /// sources numbered ([`Numbered::new`]).
    ///
    /// Built without hashing or sorting: the key postings are walked key after key and each
    /// (key, claim) entry is put in its source's bucket, so each bucket comes out ordered
    /// by key, then claim; each run of one key in a bucket is a token.
    fn by_source_and_key(&self, claims: &[Claim], sources: &Numbered) -> Postings {
        const NONE: u32 = u32::MAX;
        let source: Vec<u32> = claims
            .iter()
            .zip(&sources.of)
            .map(|(c, &n)| {
                if anonymous_source(c.origin()) {
                    NONE
                } else {
                    n
                }
            })
            .collect();
        let sources = sources.count;
        let named = |i: usize| source[i] != NONE;
        // each source's bucket holds the key entries of its claims
        let mut bucket_start = vec![0usize; sources + 1];
        for i in (0..claims.len()).filter(|&i| named(i)) {
            bucket_start[source[i] as usize + 1] += self.keys_of(i).len();
        }
        for s in 0..sources {
            bucket_start[s + 1] += bucket_start[s];
        }
        let entries = bucket_start[sources];
        let mut fill = bucket_start.clone();
        let mut entry_key = vec![0u32; entries];
        let mut postings = vec![0u32; entries];
        for k in 0..self.keys.len() as u32 {
            for &j in self.by_key.claims_of(k) {
                let s = source[j as usize];
                if s != NONE {
                    let at = &mut fill[s as usize];
                    entry_key[*at] = k;
                    postings[*at] = j;
                    *at += 1;
                }
            }
        }
        drop(fill);
        // a token starts at each bucket's start and wherever the key changes
        let mut token_start = Vec::new();
        let mut bucket = 1;
        for e in 0..entries {
            while bucket_start[bucket] <= e {
                bucket += 1;
            }
            if e == bucket_start[bucket - 1] || entry_key[e] != entry_key[e - 1] {
                token_start.push(e);
            }
        }
        token_start.push(entries);
        drop(entry_key);
        drop(bucket_start);
        assert!(
            u32::try_from(token_start.len()).is_ok(),
            "blocking handles at most u32::MAX (source, key) pairs"
        );
        // each claim's tokens, ascending: tokens are visited in order
        let mut claim_start = vec![0usize; claims.len() + 1];
        for i in 0..claims.len() {
            let own = if named(i) { self.keys_of(i).len() } else { 0 };
            claim_start[i + 1] = claim_start[i] + own;
        }
        let mut fill = claim_start.clone();
        let mut claim_tokens = vec![0u32; entries];
        for t in 0..token_start.len() - 1 {
            for &j in &postings[token_start[t]..token_start[t + 1]] {
                claim_tokens[fill[j as usize]] = t as u32;
                fill[j as usize] += 1;
            }
        }
        Postings {
            claim_start,
            claim_tokens,
            token_start,
            postings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::synthetic::ClaimSpec;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn claims(keys: &[Vec<&str>]) -> Vec<Claim> {
        keys.iter()
            .enumerate()
            .map(|(i, ks)| {
                ClaimSpec {
                    sentence: i,
                    keys: ks.iter().map(|k| k.to_string()).collect(),
                    ..ClaimSpec::default()
                }
                .build()
            })
            .collect()
    }

    /// The pairs kept among claims described by token sets, by comparing every pair.
    fn kept(sets: &[BTreeSet<String>], l: &Limits) -> BTreeSet<(usize, usize)> {
        let n = sets.len();
        let mut df: BTreeMap<&str, usize> = BTreeMap::new();
        for s in sets {
            for k in s {
                *df.entry(k).or_default() += 1;
            }
        }
        let weight = |k: &String| {
            let d = df[k.as_str()];
            (2..=l.max_key_frequency)
                .contains(&d)
                .then(|| ((n as f64 / d as f64).ln() * 256.0).round() as u32)
        };
        let mut kept = BTreeSet::new();
        for i in 0..n {
            let mut partners: Vec<(u32, usize, usize)> = Vec::new();
            for j in (0..n).filter(|&j| j != i) {
                let w: Vec<u32> = sets[i].intersection(&sets[j]).filter_map(weight).collect();
                if !w.is_empty() && w.len() >= l.min_shared {
                    partners.push((w.iter().sum(), w.len(), j));
                }
            }
            partners.sort_by(|x, y| y.0.cmp(&x.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)));
            for &(_, _, j) in partners.iter().take(l.max_per_claim) {
                kept.insert((i.min(j), i.max(j)));
            }
        }
        kept
    }

    /// What blocking should find, by comparing every pair.
    fn all_pairs(claims: &[Claim], l: &Limits) -> Vec<(usize, usize, Vec<String>)> {
        let sets: Vec<BTreeSet<String>> = claims
            .iter()
            .map(|c| c.keys.iter().cloned().collect())
            .collect();
        kept(&sets, l)
            .into_iter()
            .map(|(a, b)| {
                let shared = sets[a].intersection(&sets[b]).cloned();
                (a, b, shared.collect())
            })
            .collect()
    }

    /// What same-source blocking should find, by comparing every pair: tokens are (source,
    /// key) pairs of named sources.
    fn all_same_source_pairs(claims: &[Claim], l: &Limits) -> Vec<(usize, usize)> {
        let sets: Vec<BTreeSet<String>> = claims
            .iter()
            .map(|c| {
                let s = c.origin();
                if anonymous_source(s) {
                    BTreeSet::new()
                } else {
                    c.keys.iter().map(|k| format!("{s}\u{0}{k}")).collect()
                }
            })
            .collect();
        kept(&sets, l).into_iter().collect()
    }

    /// [`same_source_pairs`] with other limits.
    fn same_source_with(claims: &[Claim], l: &Limits) -> Vec<(usize, usize)> {
        let sources = Numbered::new(claims.iter().map(|c| c.origin().as_str()));
        KeyIndex::new(claims)
            .by_source_and_key(claims, &sources)
            .pairs(l)
            .into_iter()
            .map(unpack)
            .collect()
    }

    /// Up to 40 claims of up to 10 keys from 25 words, by 5 speakers, two of them
    /// anonymous.
    fn random_sourced_claims() -> impl Strategy<Value = Vec<Claim>> {
        let speakers = ["a", "b", "c", "article:x", "unknown:y"];
        prop::collection::vec((0..5usize, prop::collection::vec(0..25usize, 0..10)), 0..40)
            .prop_map(move |cs| {
                cs.iter()
                    .enumerate()
                    .map(|(i, (s, ks))| {
                        ClaimSpec {
                            sentence: i,
                            speaker: speakers[*s].into(),
                            keys: ks.iter().map(|w| format!("k{w}")).collect(),
                            ..ClaimSpec::default()
                        }
                        .build()
                    })
                    .collect()
            })
    }

    /// Up to 40 claims of up to 10 keys (repeats possible) from 25 words.
    fn random_claims() -> impl Strategy<Value = Vec<Claim>> {
        prop::collection::vec(prop::collection::vec(0..25usize, 0..10), 0..40).prop_map(|ks| {
            let words: Vec<Vec<String>> = ks
                .iter()
                .map(|k| k.iter().map(|w| format!("k{w}")).collect())
                .collect();
            let refs: Vec<Vec<&str>> = words
                .iter()
                .map(|w| w.iter().map(String::as_str).collect())
                .collect();
            claims(&refs)
        })
    }

    proptest! {
        #[test]
        fn finds_what_comparing_all_pairs_finds(claims in random_claims()) {
            // fewer claims than either cap: every pair sharing two keys
            let limits = Limits::default();
            prop_assert!(claims.len() <= limits.max_key_frequency.min(limits.max_per_claim));
            prop_assert_eq!(candidates(&claims), all_pairs(&claims, &limits));
        }

        #[test]
        fn applies_the_caps_as_specified(
            claims in random_claims(),
            max_key_frequency in 1..8usize,
            min_shared in 1..4usize,
            max_per_claim in 0..6usize,
        ) {
            let limits = Limits { max_key_frequency, min_shared, max_per_claim };
            prop_assert_eq!(candidates_with(&claims, &limits), all_pairs(&claims, &limits));
        }

        #[test]
        fn same_source_pairs_are_those_of_all_pairs(claims in random_sourced_claims()) {
            prop_assert_eq!(
                same_source_pairs(&claims),
                all_same_source_pairs(&claims, &Limits::same_source())
            );
        }

        #[test]
        fn same_source_pairs_apply_the_caps_as_specified(
            claims in random_sourced_claims(),
            max_key_frequency in 1..8usize,
            min_shared in 1..3usize,
            max_per_claim in 0..6usize,
        ) {
            let limits = Limits { max_key_frequency, min_shared, max_per_claim };
            prop_assert_eq!(
                same_source_with(&claims, &limits),
                all_same_source_pairs(&claims, &limits)
            );
        }

        #[test]
        fn interning_survives_hash_collisions(claims in random_claims()) {
            // every key with the same hash: the check finds it and interns by string
            prop_assert_eq!(intern(&claims, |_| 7), intern(&claims, key_hash));
        }
    }

    #[test]
    fn the_default_story_pairs_are_those_of_all_pairs() {
        let story = crate::corpus::default_story(&Default::default()).unwrap();
        let an = crate::analysis(&story, &crate::Options::default());
        let found = candidates(&an.claims);
        assert!(!found.is_empty());
        assert_eq!(found, all_pairs(&an.claims, &Limits::default()));
        let same = same_source_pairs(&an.claims);
        assert!(!same.is_empty());
        assert_eq!(
            same,
            all_same_source_pairs(&an.claims, &Limits::same_source())
        );
    }

    #[test]
    fn numbers_strings_by_first_appearance() {
        let n = Numbered::new(["b", "b", "a", "b", "c", "a"].into_iter());
        assert_eq!(n.of, vec![0, 0, 1, 0, 2, 1]);
        assert_eq!(n.count, 3);
        assert_eq!(Numbered::new(std::iter::empty()).count, 0);
    }

    #[test]
    fn a_too_common_key_makes_no_pair_but_counts_as_shared() {
        let cap = thresholds::MAX_KEY_FREQUENCY;
        let mut keys: Vec<Vec<&str>> = (0..=cap).map(|_| vec!["government", "moscow"]).collect();
        keys[0].push("synagogu");
        keys[1].push("synagogu");
        // one rare key and two too-common ones: not enough
        assert_eq!(candidates(&claims(&keys)), vec![]);
        keys[0].push("fsb");
        keys[1].push("fsb");
        assert_eq!(
            candidates(&claims(&keys)),
            vec![(
                0,
                1,
                vec![
                    "fsb".into(),
                    "government".into(),
                    "moscow".into(),
                    "synagogu".into()
                ]
            )]
        );
        // at the cap, the keys still make pairs: every pair, with no cap per claim
        keys.pop();
        let no_cap = Limits {
            max_per_claim: usize::MAX,
            ..Limits::default()
        };
        let found = candidates_with(&claims(&keys), &no_cap);
        assert_eq!(found.len(), cap * (cap - 1) / 2);
    }

    #[test]
    fn each_claim_keeps_its_best_partners() {
        let keys = vec![
            vec!["rare1", "rare2", "x", "y"],
            vec!["rare1", "rare2"],
            vec!["x", "y", "p"],
            vec!["x", "y", "q"],
        ];
        let limits = Limits {
            max_per_claim: 1,
            ..Limits::default()
        };
        let pairs: Vec<(usize, usize)> = candidates_with(&claims(&keys), &limits)
            .into_iter()
            .map(|(a, b, _)| (a, b))
            .collect();
        // 0 keeps 1 (rarer keys); 2 and 3 each keep 0, the earlier of two equal partners;
        // nobody keeps (2, 3)
        assert_eq!(pairs, vec![(0, 1), (0, 2), (0, 3)]);
    }

    #[test]
    fn output_is_sorted_and_repeated_keys_count_once() {
        let keys = vec![
            vec!["b", "a", "a", "c"],
            vec!["z"],
            vec!["c", "b", "b"],
            vec!["a", "c", "b"],
        ];
        let found = candidates(&claims(&keys));
        let abc = || vec!["a".to_string(), "b".into(), "c".into()];
        let bc = || vec!["b".to_string(), "c".into()];
        assert_eq!(found, vec![(0, 2, bc()), (0, 3, abc()), (2, 3, bc())]);
        assert_eq!(candidates(&[]), vec![]);
        assert_eq!(candidates(&claims(&[vec!["a", "b"]])), vec![]);
    }

    #[test]
    fn hashes_differ_on_short_keys() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "abcdefgh",
            "abcdefghi",
            "abcdefgi",
        ];
        let hashes: BTreeSet<u64> = words.iter().map(|w| key_hash(w.as_bytes())).collect();
        assert_eq!(hashes.len(), words.len());
        // the length is mixed in: a trailing zero byte is not the end of the word
        assert_ne!(key_hash(b"a"), key_hash(b"a\0"));
    }
}
