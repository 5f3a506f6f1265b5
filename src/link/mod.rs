//! Links between claims: agreement, contradiction, elaboration and quote variants, found
//! through blocking on content keys so that not every pair is compared.
//!
//! Three kinds of candidate pairs are compared: claims that share content keys
//! ([`candidates`]), claims of one article in neighbouring paragraphs ([`neighbours`]: a
//! denial often answers the paragraph before in other words), and claims of one source
//! that share a key ([`same_source_pairs`]: a source retold in two articles). The first and
//! the last are found by [`blocking`] and capped per claim, so that their number grows
//! linearly with the number of claims. [`relate::relate`] decides each pair.
//!
//! [`link`] does the same as calling [`relate::relate`] on every such pair with the views
//! and key weights of all claims, and gives the same relations, but it makes each claim's
//! view once, with its keys as integer ids, and reads little memory for a pair that comes
//! to no relation; it reads the claims from a [`ClaimSource`], so they need not all be in
//! memory; see [`link`].

mod asserted;
pub mod blocking;
pub mod diff;
mod keyed;
pub mod relate;
pub mod source;
#[cfg(any(test, feature = "lab"))]
pub mod synthetic;
mod view;

pub(crate) use asserted::incompatible;
pub use blocking::{candidates, same_source_pairs};
pub use diff::{DiffOp, DiffPart};
pub use relate::{ClaimView, KeyWeights};

use crate::claims::Claim;
use blocking::Numbered;
use keyed::KeyedViews;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
pub use source::ClaimSource;
use std::ops::Range;

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
/// apart, each claim paired with at most [`thresholds::MAX_KEY_FREQUENCY`] later ones, as
/// `(a, b)` with `a < b`, sorted.
pub fn neighbours(claims: &[Claim]) -> Vec<(usize, usize)> {
    let articles = Numbered::new(claims.iter().map(|c| c.article.as_str()));
    let paragraphs: Vec<usize> = claims.iter().map(|c| c.paragraph).collect();
    let mut out = neighbours_in(&paragraphs, &articles);
    out.sort_unstable();
    out
}

/// [`neighbours`], given the claims' paragraphs and their articles numbered, in no
/// particular order.
fn neighbours_in(paragraphs: &[usize], articles: &Numbered) -> Vec<(usize, usize)> {
    // the claims of each article, in order: a counting sort by article
    let mut start = vec![0usize; articles.count + 1];
    for &a in &articles.of {
        start[a as usize + 1] += 1;
    }
    for a in 0..articles.count {
        start[a + 1] += start[a];
    }
    let mut fill = start.clone();
    let mut by_article = vec![0usize; paragraphs.len()];
    for (i, &a) in articles.of.iter().enumerate() {
        by_article[fill[a as usize]] = i;
        fill[a as usize] += 1;
    }
    // each article's claims by paragraph (a stable sort: claims come in text order, so
    // this changes nothing but makes the walk below stop where the window ends, rather than
    // scan the rest of a long article for every claim)
    for w in start.windows(2) {
        by_article[w[0]..w[1]].sort_by_key(|&i| paragraphs[i]);
    }
    let mut out = Vec::new();
    for list in start.windows(2).map(|w| &by_article[w[0]..w[1]]) {
        for (x, &i) in list.iter().enumerate() {
            let near = list[x + 1..]
                .iter()
                .take_while(|&&j| paragraphs[j] - paragraphs[i] <= thresholds::NEIGHBOUR_PARAGRAPHS)
                .take(thresholds::MAX_KEY_FREQUENCY);
            out.extend(near.map(|&j| (i.min(j), i.max(j))));
        }
    }
    out
}

/// Links the claims of a story: every candidate pair (see the module documentation) is
/// decided by [`relate::relate`]. Relations come sorted by their claims. The claims come
/// from a [`ClaimSource`]: a slice of claims, or a store that makes each claim when it is
/// read, for a corpus whose claims do not all fit in memory.
///
/// The work grows close to linearly with the number of claims. The pairs come from
/// blocking: each claim keeps at most [`thresholds::MAX_CANDIDATES_PER_CLAIM`] partners
/// through shared keys and as many through keys shared with claims of its source, and
/// meets the few claims near it in its article. Each claim is read once, in parallel
/// batches, to make its view ([`ClaimView`]) with its keys turned into the ids of the
/// blocking index, its total key weight and what the rules read of every pair (article,
/// sentence, source, affiliation, stance, negation, hedging, whether it asserts a
/// predicate or a count) in a small record beside it; the claims are laid out source by
/// source, so that the records of a same-source pair, most pairs, lie near each other.
/// Deciding a pair then merges two short sorted lists of ids, and reads the claims again
/// (from the source) only on the way to a relation. Views, pairs and relations are
/// computed in parallel (rayon); the result does not depend on the number of threads.
///
/// # Panics
///
/// With more than `u32::MAX` claims.
pub fn link<S: ClaimSource + ?Sized>(claims: &S) -> Vec<Relation> {
    let keyed = KeyedViews::new(claims);
    // pairs by the claims' places in `keyed`, where a source's claims lie together: most
    // pairs are of one source, and their records are then near each other
    let place = |a: u32, b: u32| keyed.places(a as usize, b as usize);
    let mut parts = keyed
        .index
        .link_pairs(&keyed.sources, &keyed.named, keyed.claim_at(), &place);
    parts.push(
        neighbours_in(&keyed.paragraphs, &keyed.articles)
            .into_iter()
            .map(|(a, b)| keyed.places(a, b))
            .collect(),
    );
    let keyed = keyed.for_pairs();
    // each pair once: the parts sorted, then decided range of places after range of
    // places, the pairs of a range gathered from every part, so that no list of all pairs
    // is made
    parts.par_iter_mut().for_each(|p| {
        p.sort_unstable();
        p.dedup();
        p.shrink_to_fit();
    });
    const RANGE: usize = 1024;
    let ranges: Vec<Range<u64>> = (0..claims.len())
        .step_by(RANGE)
        .map(|s| (s as u64) << 32..((s + RANGE).min(claims.len()) as u64) << 32)
        .collect();
    let found: Vec<Vec<Relation>> = ranges
        .into_par_iter()
        .map_init(Vec::new, |pairs: &mut Vec<u64>, range| {
            pairs.clear();
            for p in &parts {
                let from = p.partition_point(|&x| x < range.start);
                let to = p.partition_point(|&x| x < range.end);
                pairs.extend_from_slice(&p[from..to]);
            }
            pairs.sort_unstable();
            pairs.dedup();
            pairs
                .iter()
                .filter_map(|&p| keyed.relate(claims, p))
                .collect()
        })
        .collect();
    drop(parts);
    let mut out: Vec<Relation> = found.into_iter().flatten().collect();
    out.par_sort_unstable_by_key(|r| (r.a.min(r.b), r.a.max(r.b)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn default_claims() -> Vec<Claim> {
        let story = crate::corpus::default_story(&Default::default()).unwrap();
        crate::analysis(&story, &crate::Options::default()).claims
    }

    /// What [`link`] should give: [`relate::relate`] with full views and key weights on the
    /// pairs of the three public pair functions.
    fn reference(claims: &[Claim]) -> Vec<Relation> {
        let views: Vec<ClaimView> = claims.iter().map(ClaimView::new).collect();
        let weights = KeyWeights::new(&views);
        let mut pairs: BTreeSet<(usize, usize)> = candidates(claims)
            .into_iter()
            .map(|(a, b, _)| (a, b))
            .collect();
        pairs.extend(neighbours(claims));
        pairs.extend(same_source_pairs(claims));
        pairs
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
            .collect()
    }

    #[test]
    fn link_gives_what_relate_gives_on_the_pairs() {
        let claims = default_claims();
        let found = link(&claims);
        assert!(found.len() > 5, "{found:?}");
        assert_eq!(found, reference(&claims));
        let generated = super::synthetic::generate(3000, 5).claims;
        let found = link(&generated);
        assert!(found.len() > 1000);
        assert_eq!(found, reference(&generated));
        assert_eq!(link(&[] as &[Claim]), vec![]);
    }

    /// Claims from memory, counting how often each is asked for.
    struct Counting<'a> {
        claims: &'a [Claim],
        reads: std::sync::atomic::AtomicUsize,
    }

    impl ClaimSource for Counting<'_> {
        fn len(&self) -> usize {
            self.claims.len()
        }

        fn claim(&self, i: usize) -> std::borrow::Cow<'_, Claim> {
            self.reads
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            std::borrow::Cow::Owned(self.claims[i].clone())
        }
    }

    #[test]
    fn a_store_that_makes_claims_when_read_links_as_a_slice_does() {
        let store = super::synthetic::Synthetic::new(5000, 3);
        let built: Vec<Claim> = (0..store.len())
            .map(|i| store.claim(i).into_owned())
            .collect();
        let found = link(&store);
        assert!(found.len() > 1000, "{}", found.len());
        assert_eq!(found, link(&built));
        assert_eq!(candidates(&store), candidates(&built));
        assert_eq!(same_source_pairs(&store), same_source_pairs(&built));
    }

    #[test]
    fn linking_reads_each_claim_once_and_again_only_for_relations() {
        let read = |claims: &[Claim]| {
            let counting = Counting {
                claims,
                reads: Default::default(),
            };
            let found = link(&counting);
            assert_eq!(found, link(claims));
            (found.len(), counting.reads.into_inner())
        };
        // claims that assert predicates are read for the rules of what they assert
        let story = default_claims();
        let (_, reads) = read(&story);
        assert!(reads > story.len(), "{reads}");
        // the first pass reads every claim once; deciding reads the two claims of a pair
        // only on the way to a relation, or to a rule that needs them (denials): fewer
        // reads than relations (reading both claims of every pair would be some 20 a
        // claim)
        let generated = super::synthetic::generate(4000, 9).claims;
        let (relations, reads) = read(&generated);
        assert!(relations > 1000, "{relations}");
        assert!(
            reads <= generated.len() + relations,
            "{reads} reads for {} claims and {relations} relations",
            generated.len()
        );
    }

    #[test]
    fn keyed_views_decide_every_pair_as_relate_does() {
        // every pair of the default story, not only the linked ones: every rule is met
        let claims = default_claims();
        let keyed = KeyedViews::new(&claims).for_pairs();
        let views: Vec<ClaimView> = claims.iter().map(ClaimView::new).collect();
        let weights = KeyWeights::new(&views);
        let mut kinds = BTreeSet::new();
        for i in 0..claims.len() {
            for j in i + 1..claims.len() {
                let expected = relate::relate(
                    &relate::Pair {
                        claims: (&claims[i], &claims[j]),
                        views: (&views[i], &views[j]),
                        index: (i, j),
                    },
                    &weights,
                );
                assert_eq!(
                    keyed.relate(&claims, keyed.places(i, j)),
                    expected,
                    "claims {i} and {j}"
                );
                kinds.extend(expected.map(|r| r.kind));
            }
        }
        assert!(kinds.len() >= 3, "{kinds:?}");
    }

    #[test]
    fn neighbours_are_near_in_one_article() {
        use super::synthetic::ClaimSpec;
        let claims: Vec<Claim> = [("x", 0), ("y", 0), ("x", 1), ("x", 3), ("y", 1), ("x", 2)]
            .iter()
            .map(|&(article, sentence)| {
                ClaimSpec {
                    article: article.into(),
                    sentence,
                    ..ClaimSpec::default()
                }
                .build()
            })
            .collect();
        assert_eq!(neighbours(&claims), vec![(0, 2), (1, 4), (2, 5), (3, 5)]);
    }
}
