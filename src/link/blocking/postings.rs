//! The inverted index of claims described by token ids, and the walk that finds each
//! claim's partners within the limits.

use super::{pack, sorted_unique, Limits};
use rayon::prelude::*;
use std::ops::Range;

/// A token's weight for ranking partners is its IDF times this, rounded to an integer.
pub const WEIGHT_SCALE: f64 = 256.0;

/// Claims described by token ids (content keys, or a source's keys), with the inverted
/// index: the claims that carry each token. Both directions are flat arrays with offsets.
pub(super) struct Postings {
    /// Where each claim's tokens start in `claim_tokens` (one more entry than claims).
    pub(super) claim_start: Vec<usize>,
    /// Every claim's tokens, ascending and without repeats, claim after claim.
    pub(super) claim_tokens: Vec<u32>,
    /// Where each token's claims start in `postings` (one more entry than tokens).
    pub(super) token_start: Vec<usize>,
    /// Every token's claims, ascending, token after token.
    pub(super) postings: Vec<u32>,
}

impl Postings {
    /// The postings of claims' tokens (each claim's ascending, without repeats), `tokens`
    /// of them, by counting sort: claims are visited in order, so each list ascends.
    pub(super) fn invert(
        claim_start: Vec<usize>,
        claim_tokens: Vec<u32>,
        tokens: usize,
    ) -> Postings {
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

    pub(super) fn claim_count(&self) -> usize {
        self.claim_start.len() - 1
    }

    pub(super) fn token_count(&self) -> usize {
        self.token_start.len() - 1
    }

    /// The tokens of claim `i`, ascending.
    pub(super) fn tokens_of(&self, i: u32) -> &[u32] {
        &self.claim_tokens[self.claim_start[i as usize]..self.claim_start[i as usize + 1]]
    }

    /// The claims carrying token `t`, ascending.
    pub(super) fn claims_of(&self, t: u32) -> &[u32] {
        &self.postings[self.token_start[t as usize]..self.token_start[t as usize + 1]]
    }

    /// The weight of each token for making pairs: its IDF, `ln(claims / df)`, in 1/256ths
    /// ([`WEIGHT_SCALE`]; integers, so that sums are exact whatever their order), or `None`
    /// for a token that makes no pairs (carried by one claim, or by more than the cap).
    pub(super) fn weights(&self, max_key_frequency: usize) -> Vec<Option<u32>> {
        let n = self.claim_count() as f64;
        (0..self.token_count())
            .map(|t| {
                let df = self.token_start[t + 1] - self.token_start[t];
                (2..=max_key_frequency)
                    .contains(&df)
                    .then(|| ((n / df as f64).ln() * WEIGHT_SCALE).round() as u32)
            })
            .collect()
    }

    /// The pairs, each as `a << 32 | b` with `a < b`, ascending and without repeats, that
    /// the limits keep.
    pub(super) fn pairs(&self, limits: &Limits) -> Vec<u64> {
        sorted_unique(self.kept_pairs(limits, None, &pack))
    }

    /// The pairs that the limits keep, as found claim by claim (in the order `order` lists
    /// the claims, or in theirs): each pair `(a, b)`, `a < b`, as `place(a, b)`, in parts,
    /// some more than once (see [`Postings::partners`]).
    pub(super) fn kept_pairs(
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
    pub(super) fn keeps_all(&self, weights: &[Option<u32>], limits: &Limits) -> Vec<bool> {
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
    pub(super) fn partners(
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
pub(super) struct Found<'f> {
    /// The weight of each token, `None` for one that makes no pairs.
    weights: &'f [Option<u32>],
    /// Whether each claim keeps all its partners ([`Postings::keeps_all`]).
    keeps_all: &'f [bool],
    /// How a pair `(a, b)`, `a < b`, is written out.
    place: &'f (dyn Fn(u32, u32) -> u64 + Sync),
}

/// Per-thread working memory of [`Postings::partners`], kept between claims.
#[derive(Default)]
pub(super) struct Scratch {
    /// `partner << 32 | token weight` for every token shared with a partner.
    hits: Vec<u64>,
    /// (score, count, partner) of the partners with enough shared tokens.
    kept: Vec<(u32, u32, u32)>,
}
