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
//!
//! The work is in parts: `intern` numbers the keys (and the sources), `postings` is
//! the inverted index and the walk that finds each claim's partners, `index` the keys'
//! index that linking reads and the (source, key) tokens of same-source pairs.

mod index;
mod intern;
mod postings;

pub(super) use index::KeyIndex;
#[cfg(test)]
use intern::Interned;
pub(super) use intern::{intern, key_hash, Numbered};
use postings::Postings;
pub use postings::WEIGHT_SCALE;

use super::relate::anonymous_source;
use super::source::ClaimSource;
use super::thresholds;
use rayon::prelude::*;

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
pub fn candidates<S: ClaimSource + ?Sized>(claims: &S) -> Vec<(usize, usize, Vec<String>)> {
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
    /// The limits of same-source pairs: [`thresholds::MIN_SHARED_SOURCE_KEYS`] shared keys
    /// are enough, the caps are those of candidates.
    fn same_source() -> Limits {
        Limits {
            min_shared: thresholds::MIN_SHARED_SOURCE_KEYS,
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
pub fn same_source_pairs<S: ClaimSource + ?Sized>(claims: &S) -> Vec<(usize, usize)> {
    let interned = intern(claims, key_hash, |c| !anonymous_source(c.origin()));
    KeyIndex::from_ids(interned.start, interned.ids, interned.distinct)
        .by_source_and_key(&interned.sources, &interned.extra)
        .pairs(&Limits::same_source())
        .into_iter()
        .map(unpack)
        .collect()
}

/// A pair `a << 32 | b` as `(a, b)`.
pub(super) fn unpack(p: u64) -> (usize, usize) {
    ((p >> 32) as usize, (p & 0xffff_ffff) as usize)
}

fn candidates_with<S: ClaimSource + ?Sized>(
    claims: &S,
    limits: &Limits,
) -> Vec<(usize, usize, Vec<String>)> {
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

#[cfg(test)]
mod tests;
