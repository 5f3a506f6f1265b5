//! The keys of a set of claims, interned, with their inverted index, and the (source, key)
//! tokens of same-source pairs built from it.

use super::intern::{intern, key_hash, Numbered};
use super::{Limits, Postings};
use crate::link::source::ClaimSource;
use rayon::prelude::*;
use std::cmp::Ordering;

/// The keys of a set of claims, interned, with an inverted index: what linking blocks on.
pub(in crate::link) struct KeyIndex {
    /// The distinct keys, sorted; a key's id is its position.
    keys: Vec<Box<str>>,
    /// The claims' key ids and the claims of each key.
    by_key: Postings,
}

impl KeyIndex {
    /// The index of the claims' keys.
    ///
    /// # Panics
    ///
    /// With more than `u32::MAX` claims or keys.
    pub(in crate::link) fn new<S: ClaimSource + ?Sized>(claims: &S) -> KeyIndex {
        let interned = intern(claims, key_hash, |_| ());
        KeyIndex::from_ids(interned.start, interned.ids, interned.distinct)
    }

    /// The index of keys interned by [`intern`]: where each claim's ids start (one more
    /// entry than claims), every claim's key ids, and the distinct keys by id.
    ///
    /// # Panics
    ///
    /// With more than `u32::MAX` claims or keys.
    pub(in crate::link) fn from_ids(
        mut claim_start: Vec<usize>,
        mut claim_keys: Vec<u32>,
        distinct: Vec<Box<str>>,
    ) -> KeyIndex {
        let n = claim_start.len() - 1;
        assert!(
            u32::try_from(n).is_ok() && u32::try_from(distinct.len()).is_ok(),
            "blocking handles at most u32::MAX claims and keys"
        );
        // renumbered in lexicographic order
        let mut order: Vec<u32> = (0..distinct.len() as u32).collect();
        order.par_sort_unstable_by(|&x, &y| distinct[x as usize].cmp(&distinct[y as usize]));
        let mut rank = vec![0u32; order.len()];
        for (r, &id) in order.iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        let mut distinct: Vec<Option<Box<str>>> = distinct.into_iter().map(Some).collect();
        let keys: Vec<Box<str>> = order
            .iter()
            .map(|&id| distinct[id as usize].take().expect("each id once"))
            .collect();
        drop(distinct);
        drop(order);
        // each claim's ids sorted, repeats dropped, compacted in place
        let mut write = 0;
        for i in 0..n {
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
        claim_start[n] = write;
        claim_keys.truncate(write);
        drop(rank);
        let by_key = Postings::invert(claim_start, claim_keys, keys.len());
        KeyIndex { keys, by_key }
    }

    /// The key with id `k`.
    pub(in crate::link) fn key(&self, k: u32) -> &str {
        &self.keys[k as usize]
    }

    /// The distinct keys, sorted, without the index.
    pub(in crate::link) fn into_keys(self) -> Vec<Box<str>> {
        self.keys
    }

    /// The distinct keys, sorted; a key's id is its position.
    pub(in crate::link) fn keys(&self) -> &[Box<str>] {
        &self.keys
    }

    /// The key ids of claim `i`, ascending (so in the keys' lexicographic order), without
    /// repeats.
    pub(in crate::link) fn keys_of(&self, i: usize) -> &[u32] {
        self.by_key.tokens_of(i as u32)
    }

    /// The key ids claims `a` and `b` share, ascending.
    pub(super) fn shared(&self, a: u32, b: u32) -> impl Iterator<Item = u32> + '_ {
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
    pub(super) fn candidate_pairs(&self, limits: &Limits) -> Vec<u64> {
        self.by_key.pairs(limits)
    }

    /// The pairs [`super::link`] blocks on, as found: the candidate pairs (see
    /// [`candidates`]) and the same-source pairs (see [`same_source_pairs`]), each pair
    /// `(a, b)`, `a < b`, as `place(a, b)`, in parts, some more than once. `sources` are the
    /// sources of the claims the index was built from, numbered, `named` whether each
    /// claim's source is named (not [`crate::link::relate::anonymous_source`]),
    /// `by_source` every claim once, those of one source together.
    pub(in crate::link) fn link_pairs(
        &self,
        sources: &Numbered,
        named: &[bool],
        by_source: &[u32],
        place: &(dyn Fn(u32, u32) -> u64 + Sync),
    ) -> Vec<Vec<u64>> {
        let mut parts = self.by_key.kept_pairs(&Limits::default(), None, place);
        let ss = self.by_source_and_key(sources, named);
        // claim after claim of one source, the postings read are those of that source
        parts.extend(ss.kept_pairs(&Limits::same_source(), Some(by_source), place));
        parts
    }

    /// The postings of (source, key) tokens: one token for every key of every named source
    /// (see [`same_source_pairs`]), so that two claims share a token when they have the same
    /// source and share a key. `sources` are the sources of the claims the index was built
    /// from, numbered ([`Numbered::new`]), `named` whether each claim's source is named (not
    /// [`crate::link::relate::anonymous_source`]).
    ///
    /// Built without hashing or sorting: the key postings are walked key after key and each
    /// (key, claim) entry is put in its source's bucket, so each bucket comes out ordered
    /// by key, then claim; each run of one key in a bucket is a token.
    pub(super) fn by_source_and_key(&self, sources: &Numbered, named: &[bool]) -> Postings {
        const NONE: u32 = u32::MAX;
        let claims = sources.of.len();
        let source: Vec<u32> = sources
            .of
            .iter()
            .zip(named)
            .map(|(&n, &named)| if named { n } else { NONE })
            .collect();
        let sources = sources.count;
        let named = |i: usize| source[i] != NONE;
        // each source's bucket holds the key entries of its claims
        let mut bucket_start = vec![0usize; sources + 1];
        for i in (0..claims).filter(|&i| named(i)) {
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
        let mut claim_start = vec![0usize; claims + 1];
        for i in 0..claims {
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
