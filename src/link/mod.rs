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
//! to no relation; see [`link`].

mod asserted;
pub mod blocking;
pub mod diff;
pub mod relate;
#[cfg(any(test, feature = "lab"))]
pub mod synthetic;
mod view;

pub(crate) use asserted::incompatible;
pub use blocking::{candidates, same_source_pairs};
pub use diff::{DiffOp, DiffPart};
pub use relate::{ClaimView, KeyWeights};

use crate::claims::Claim;
use blocking::{KeyIndex, Numbered};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
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
    let mut out = neighbours_in(claims, &articles);
    out.sort_unstable();
    out
}

/// [`neighbours`], given the claims' articles numbered, in no particular order.
fn neighbours_in(claims: &[Claim], articles: &Numbered) -> Vec<(usize, usize)> {
    // the claims of each article, in order: a counting sort by article
    let mut start = vec![0usize; articles.count + 1];
    for &a in &articles.of {
        start[a as usize + 1] += 1;
    }
    for a in 0..articles.count {
        start[a + 1] += start[a];
    }
    let mut fill = start.clone();
    let mut by_article = vec![0usize; claims.len()];
    for (i, &a) in articles.of.iter().enumerate() {
        by_article[fill[a as usize]] = i;
        fill[a as usize] += 1;
    }
    // each article's claims by paragraph (a stable sort: claims come in text order, so
    // this changes nothing but makes the walk below stop where the window ends, rather than
    // scan the rest of a long article for every claim)
    for w in start.windows(2) {
        by_article[w[0]..w[1]].sort_by_key(|&i| claims[i].paragraph);
    }
    let mut out = Vec::new();
    for list in start.windows(2).map(|w| &by_article[w[0]..w[1]]) {
        for (x, &i) in list.iter().enumerate() {
            let near = list[x + 1..]
                .iter()
                .take_while(|&&j| {
                    claims[j].paragraph - claims[i].paragraph <= thresholds::NEIGHBOUR_PARAGRAPHS
                })
                .take(thresholds::MAX_KEY_FREQUENCY);
            out.extend(near.map(|&j| (i.min(j), i.max(j))));
        }
    }
    out
}

/// Links the claims of a story: every candidate pair (see the module documentation) is
/// decided by [`relate::relate`]. Relations come sorted by their claims.
///
/// The work grows close to linearly with the number of claims. The pairs come from
/// blocking: each claim keeps at most [`thresholds::MAX_CANDIDATES_PER_CLAIM`] partners
/// through shared keys and as many through keys shared with claims of its source, and
/// meets the few claims near it in its article. Each claim's view is made once
/// ([`ClaimView`]), its keys turned into the ids of the blocking index, with its total key
/// weight and what the rules read of every pair (article, sentence, source, affiliation,
/// stance, negation, hedging) in a small record beside it; the claims are laid out source
/// by source, so that the records of a same-source pair, most pairs, lie near each other.
/// Deciding a pair then merges two short sorted lists of ids, and reads the claims and the
/// rest of their views only on the way to a relation. Views, pairs and relations are
/// computed in parallel (rayon); the result does not depend on the number of threads.
///
/// # Panics
///
/// With more than `u32::MAX` claims.
pub fn link(claims: &[Claim]) -> Vec<Relation> {
    let index = KeyIndex::new(claims);
    let articles = Numbered::new(claims.iter().map(|c| c.article.as_str()));
    let sources = Numbered::new(claims.iter().map(|c| c.origin().as_str()));
    let keyed = KeyedViews::new(claims, &index, &articles, &sources);
    // pairs by the claims' places in `keyed`, where a source's claims lie together: most
    // pairs are of one source, and their records are then near each other
    let place = |a: u32, b: u32| keyed.places(a as usize, b as usize);
    let mut parts = index.link_pairs(claims, &sources, &keyed.claim_at, &place);
    parts.push(
        neighbours_in(claims, &articles)
            .into_iter()
            .map(|(a, b)| keyed.places(a, b))
            .collect(),
    );
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
                .filter_map(|&p| {
                    let (x, y) = blocking::unpack(p);
                    keyed.relate(claims, x, y)
                })
                .collect()
        })
        .collect();
    drop(parts);
    let mut out: Vec<Relation> = found.into_iter().flatten().collect();
    out.par_sort_unstable_by_key(|r| (r.a.min(r.b), r.a.max(r.b)));
    out
}

/// The views of a story's claims made once for deciding many pairs: each view's keys as
/// ids of the blocking index (whose ids follow the keys' string order), each key's weight
/// `ln(1 + N / df)` over the views, and each claim's [`relate::Traits`] and total weight
/// side by side, so that deciding a pair that comes to no relation reads two short
/// records and two short lists of ids. The views themselves are lean
/// ([`ClaimView::lean`]): the rules read their other parts only on the way to a relation.
struct KeyedViews<'a> {
    /// The claim at each place: claims ordered by source, then by index.
    claim_at: Vec<u32>,
    /// The place of each claim.
    place_of: Vec<u32>,
    /// The views and records of [`CHUNK`] places after [`CHUNK`] places.
    chunks: Vec<Chunk>,
    /// The weight of each key id (those of no view weigh 0; they are never read).
    weights: Vec<f64>,
    /// The keys, by id.
    keys: &'a [&'a str],
}

/// Places in a [`Chunk`] of [`KeyedViews`]: chunks are made in parallel and kept as made.
const CHUNK: usize = 1024;

/// The views and records of some places of [`KeyedViews`].
struct Chunk {
    /// The lean views.
    views: Vec<ClaimView>,
    /// What is read of each claim for every pair.
    slots: Vec<Slot>,
    /// Every view's key ids, ascending, view after view.
    ids: Vec<u32>,
}

/// One claim's record in [`KeyedViews`].
struct Slot {
    traits: relate::Traits,
    /// Where the view's key ids start in its chunk's.
    start: u32,
    /// How many key ids the view has.
    len: u32,
    /// The total weight of the view's keys.
    total: f64,
}

impl<'a> KeyedViews<'a> {
    /// The keyed views of `claims`, from their key index and their articles and sources
    /// numbered.
    fn new(
        claims: &[Claim],
        index: &'a KeyIndex<'a>,
        articles: &Numbered,
        sources: &Numbered,
    ) -> KeyedViews<'a> {
        const NONE: u32 = u32::MAX;
        let keys = index.keys();
        // which keys are content, and which concept (as an id) stands in for a key: what
        // makes a claim's key one of its view's keys (relate::is_view_key), for every
        // distinct key once
        let per_key: Vec<(bool, u32)> = keys
            .par_iter()
            .map(|k| {
                let concept = relate::covering_concept(k)
                    .and_then(|con| keys.binary_search(&con).ok())
                    .map_or(NONE, |id| id as u32);
                (relate::is_content_key(k), concept)
            })
            .collect();
        // affiliations as numbers
        let affiliations = Numbered::new(claims.iter().filter_map(|c| c.affiliation.as_deref()));
        let mut affiliation_of = affiliations.of.iter();
        let numbers: Vec<(u32, u32, Option<u32>)> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let affiliation = c
                    .affiliation
                    .as_ref()
                    .map(|_| *affiliation_of.next().expect("one number per affiliation"));
                (articles.of[i], sources.of[i], affiliation)
            })
            .collect();
        drop(affiliations);
        let source_count = sources.count;
        // places: claims by source (counting sort), then by index
        let mut first = vec![0usize; source_count + 1];
        for &(_, s, _) in &numbers {
            first[s as usize + 1] += 1;
        }
        for s in 0..source_count {
            first[s + 1] += first[s];
        }
        let mut claim_at = vec![0u32; claims.len()];
        let mut place_of = vec![0u32; claims.len()];
        for (i, &(_, s, _)) in numbers.iter().enumerate() {
            let at = &mut first[s as usize];
            claim_at[*at] = i as u32;
            place_of[i] = *at as u32;
            *at += 1;
        }
        drop(first);
        let mut chunks: Vec<Chunk> = claim_at
            .par_chunks(CHUNK)
            .map(|block| {
                let mut views = Vec::with_capacity(block.len());
                let mut ids = Vec::new();
                let mut slots = Vec::with_capacity(block.len());
                for &i in block {
                    let (i, c) = (i as usize, &claims[i as usize]);
                    let own = index.keys_of(i);
                    let before = ids.len();
                    ids.extend(own.iter().copied().filter(|&k| {
                        let (content, concept) = per_key[k as usize];
                        content && (concept == NONE || own.binary_search(&concept).is_err())
                    }));
                    let view = ClaimView::lean(c);
                    let (article, source, affiliation) = numbers[i];
                    slots.push(Slot {
                        traits: relate::Traits::new(c, &view, article, source, affiliation),
                        start: before as u32,
                        len: (ids.len() - before) as u32,
                        total: 0.0,
                    });
                    views.push(view);
                }
                ids.shrink_to_fit();
                Chunk { views, slots, ids }
            })
            .collect();
        drop(numbers);
        drop(per_key);
        // the weights of KeyWeights: ln(1 + N / df) over the views
        let mut df = vec![0usize; keys.len()];
        for &k in chunks.iter().flat_map(|c| &c.ids) {
            df[k as usize] += 1;
        }
        let n = claims.len().max(1) as f64;
        let weights: Vec<f64> = df
            .iter()
            .map(|&d| {
                if d > 0 {
                    (1.0 + n / d as f64).ln()
                } else {
                    0.0
                }
            })
            .collect();
        drop(df);
        chunks.par_iter_mut().for_each(|c| {
            for s in &mut c.slots {
                s.total = c.ids[s.start as usize..(s.start + s.len) as usize]
                    .iter()
                    .map(|&k| weights[k as usize])
                    .sum();
            }
        });
        KeyedViews {
            claim_at,
            place_of,
            chunks,
            weights,
            keys,
        }
    }

    /// Claims `a` and `b` as the pair of their places, `lower << 32 | higher`.
    fn places(&self, a: usize, b: usize) -> u64 {
        let (x, y) = (self.place_of[a], self.place_of[b]);
        (u64::from(x.min(y)) << 32) | u64::from(x.max(y))
    }

    /// [`relate::relate`] of the claims at places `x` and `y` (the lower claim first), from
    /// their traits and key ids.
    fn relate(&self, claims: &[Claim], x: usize, y: usize) -> Option<Relation> {
        let (i, j) = (self.claim_at[x] as usize, self.claim_at[y] as usize);
        let (i, j, x, y) = if i < j { (i, j, x, y) } else { (j, i, y, x) };
        let (cx, cy) = (&self.chunks[x / CHUNK], &self.chunks[y / CHUNK]);
        let (sx, sy) = (&cx.slots[x % CHUNK], &cy.slots[y % CHUNK]);
        let ov = relate::Overlap::from_ids(
            &cx.ids[sx.start as usize..(sx.start + sx.len) as usize],
            &cy.ids[sy.start as usize..(sy.start + sy.len) as usize],
            self.keys,
            &self.weights,
            (sx.total, sy.total),
        );
        relate::decide(
            &relate::Pair {
                claims: (&claims[i], &claims[j]),
                views: (&cx.views[x % CHUNK], &cy.views[y % CHUNK]),
                index: (i, j),
            },
            (&sx.traits, &sy.traits),
            &ov,
        )
    }
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
        assert_eq!(link(&[]), vec![]);
    }

    #[test]
    fn keyed_views_decide_every_pair_as_relate_does() {
        // every pair of the default story, not only the linked ones: every rule is met
        let claims = default_claims();
        let index = KeyIndex::new(&claims);
        let articles = Numbered::new(claims.iter().map(|c| c.article.as_str()));
        let sources = Numbered::new(claims.iter().map(|c| c.origin().as_str()));
        let keyed = KeyedViews::new(&claims, &index, &articles, &sources);
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
                let (x, y) = blocking::unpack(keyed.places(i, j));
                assert_eq!(keyed.relate(&claims, x, y), expected, "claims {i} and {j}");
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
