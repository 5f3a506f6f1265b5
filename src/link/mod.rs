//! Links between claims: agreement, contradiction, elaboration and quote variants, found
//! through blocking on content keys so that not every pair is compared.
//!
//! Three kinds of candidate pairs are compared: claims that share content keys
//! ([`candidates`]), claims of one article in neighbouring paragraphs (a denial often
//! answers the paragraph before in other words), and claims of one source that share a key
//! (a source retold in two articles). [`relate::relate`] decides each pair.

pub mod blocking;
pub mod diff;
pub mod relate;

pub use blocking::candidates;
pub use diff::{DiffOp, DiffPart};
pub use relate::{ClaimView, KeyWeights};

use crate::claims::Claim;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Thresholds of the linking stage (they live with all the others in [`crate::weights`]).
pub use crate::weights::link as thresholds;

/// The kind of a relation between two claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    /// The same proposition in other words.
    Agrees,
    /// One denies or conflicts with the other.
    Contradicts,
    /// The same speaker quoted with different wording.
    QuoteVariant,
    /// One adds detail to the other.
    Elaborates,
}

impl RelationKind {
    /// The kind in words, as reports show it.
    pub fn label(self) -> &'static str {
        match self {
            RelationKind::Agrees => "agrees",
            RelationKind::Contradicts => "contradicts",
            RelationKind::QuoteVariant => "quote-variant",
            RelationKind::Elaborates => "elaborates",
        }
    }
}

/// A relation between two claims, with a score and the reasons that produced it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Index of the first claim: the lower one, except for [`RelationKind::Elaborates`],
    /// where it is the claim that adds detail.
    pub a: usize,
    /// Index of the second claim.
    pub b: usize,
    /// What the relation is.
    pub kind: RelationKind,
    /// Strength, 0 to 1.
    pub score: f64,
    /// Why, in words.
    pub reasons: Vec<String>,
    /// For a quote variant, the word-level difference from `a`'s wording to `b`'s.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<DiffPart>,
}

/// Pairs of claims of one article at most [`thresholds::NEIGHBOUR_PARAGRAPHS`] paragraphs
/// apart, each claim paired with at most [`thresholds::MAX_KEY_FREQUENCY`] later ones.
pub fn neighbours(claims: &[Claim]) -> Vec<(usize, usize)> {
    let mut by_article: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_article.entry(c.article.as_str()).or_default().push(i);
    }
    let mut out = Vec::new();
    for list in by_article.values() {
        for (x, &i) in list.iter().enumerate() {
            let near = list[x + 1..]
                .iter()
                .filter(|&&j| {
                    claims[j].paragraph.abs_diff(claims[i].paragraph)
                        <= thresholds::NEIGHBOUR_PARAGRAPHS
                })
                .take(thresholds::MAX_KEY_FREQUENCY);
            out.extend(near.map(|&j| (i.min(j), i.max(j))));
        }
    }
    out
}

/// Pairs of claims of the same named source that share at least one content key; a
/// (source, key) pair held by more than [`thresholds::MAX_KEY_FREQUENCY`] claims is
/// skipped. Claims of an article's own voice or of an unknown speaker are left out.
pub fn same_source_pairs(claims: &[Claim]) -> Vec<(usize, usize)> {
    let mut index: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let src = c.speaker.source.as_str();
        if relate::anonymous_source(src) {
            continue;
        }
        for k in &c.keys {
            index.entry((src, k.as_str())).or_default().push(i);
        }
    }
    let mut out = BTreeSet::new();
    for list in index.values() {
        if list.len() > thresholds::MAX_KEY_FREQUENCY {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            out.extend(list[x + 1..].iter().map(|&j| (i, j)));
        }
    }
    out.into_iter().collect()
}

/// Links the claims of a story: every candidate pair (see the module documentation) is
/// decided by [`relate::relate`]. Relations come sorted by their claims.
pub fn link(claims: &[Claim]) -> Vec<Relation> {
    let views: Vec<ClaimView> = claims.iter().map(ClaimView::new).collect();
    let weights = KeyWeights::new(&views);
    let mut pairs: BTreeSet<(usize, usize)> = candidates(claims)
        .into_iter()
        .map(|(a, b, _)| (a, b))
        .collect();
    pairs.extend(neighbours(claims));
    pairs.extend(same_source_pairs(claims));
    let mut out: Vec<Relation> = pairs
        .into_iter()
        .filter_map(|(i, j)| {
            relate::relate(
                &relate::Pair {
                    claims: (&claims[i], &claims[j]),
                    views: (&views[i], &views[j]),
                    index: (i, j),
                },
                &weights,
            )
        })
        .collect();
    out.sort_by_key(|r| (r.a.min(r.b), r.a.max(r.b)));
    out
}
