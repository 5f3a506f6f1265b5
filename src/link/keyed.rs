//! The views of a story's claims made once for deciding many pairs ([`KeyedViews`]), from
//! one pass over the claims.

use super::blocking::{intern, key_hash, unpack, KeyIndex, Numbered};
use super::relate::{self, ClaimView, LazyPair, Traits};
use super::source::{ClaimSource, LazyClaim};
use super::Relation;
use crate::claims::Claim;
use rayon::prelude::*;

/// The views of a story's claims made once for deciding many pairs, from one pass over the
/// claims: each view's keys as ids of the blocking index (whose ids follow the keys'
/// string order), each key's weight `ln(1 + N / df)` over the views, and each claim's
/// [`relate::Traits`] and total weight side by side, so that deciding a pair that comes to
/// no relation reads two short records and two short lists of ids. The views themselves
/// are lean ([`ClaimView::lean`]): the rules read their other parts, and the claims, only
/// on the way to a relation.
///
/// Blocking reads the first fields; [`KeyedViews::for_pairs`] keeps what deciding reads.
pub(super) struct KeyedViews {
    /// The claims' key index.
    pub(super) index: KeyIndex,
    /// The claims' articles, numbered.
    pub(super) articles: Numbered,
    /// The claims' sources, numbered.
    pub(super) sources: Numbered,
    /// Whether each claim's source is named ([`relate::anonymous_source`]).
    pub(super) named: Vec<bool>,
    /// Each claim's paragraph.
    pub(super) paragraphs: Vec<usize>,
    /// What deciding reads.
    deciding: Deciding,
}

/// What [`KeyedViews`] keeps for deciding pairs.
pub(super) struct Deciding {
    /// The claim at each place: claims ordered by source, then by index.
    claim_at: Vec<u32>,
    /// The place of each claim.
    place_of: Vec<u32>,
    /// At each place, its claim's lean view and traits.
    records: Vec<(u32, ClaimView, Traits)>,
    /// The key ids and totals of [`CHUNK`] places after [`CHUNK`] places.
    chunks: Vec<Chunk>,
    /// The weight of each key id (those of no view weigh 0; they are never read).
    weights: Vec<f64>,
    /// The keys, by id.
    keys: Vec<Box<str>>,
}

/// Places in a [`Chunk`]: chunks are made in parallel and kept as made.
const CHUNK: usize = 1024;

/// The key ids of some places of [`KeyedViews`].
struct Chunk {
    /// Each place's key ids.
    slots: Vec<Slot>,
    /// Every view's key ids, ascending, view after view.
    ids: Vec<u32>,
}

/// Where one place's key ids lie in its [`Chunk`].
struct Slot {
    /// Where the view's key ids start in its chunk's.
    start: u32,
    /// How many key ids the view has.
    len: u32,
    /// The total weight of the view's keys.
    total: f64,
}

impl KeyedViews {
    /// The keyed views of `claims`, reading each claim once.
    pub(super) fn new<S: ClaimSource + ?Sized>(claims: &S) -> KeyedViews {
        const NONE: u32 = u32::MAX;
        let n = claims.len();
        let interned = intern(claims, key_hash, |c: &Claim| {
            let view = ClaimView::lean(c);
            let traits = Traits::new(c, &view, 0, 0, None);
            (view, traits, c.paragraph)
        });
        let index = KeyIndex::from_ids(interned.start, interned.ids, interned.distinct);
        let (articles, sources) = (interned.articles, interned.sources);
        let affiliations = interned.affiliations;
        let keys = index.keys();
        // which keys are content, and which concept (as an id) stands in for a key: what
        // makes a claim's key one of its view's keys (relate::is_view_key), for every
        // distinct key once
        let per_key: Vec<(bool, u32)> = keys
            .par_iter()
            .map(|k| {
                let concept = relate::covering_concept(k)
                    .and_then(|con| keys.binary_search_by(|x| (**x).cmp(con)).ok())
                    .map_or(NONE, |id| id as u32);
                (relate::is_content_key(k), concept)
            })
            .collect();
        // places: claims by source (counting sort), then by index
        let source_count = sources.count;
        let mut first = vec![0usize; source_count + 1];
        for &s in &sources.of {
            first[s as usize + 1] += 1;
        }
        for s in 0..source_count {
            first[s + 1] += first[s];
        }
        let mut claim_at = vec![0u32; n];
        let mut place_of = vec![0u32; n];
        for (i, &s) in sources.of.iter().enumerate() {
            let at = &mut first[s as usize];
            claim_at[*at] = i as u32;
            place_of[i] = *at as u32;
            *at += 1;
        }
        drop(first);
        // each claim's record, numbered, then laid out by place
        let mut paragraphs = Vec::with_capacity(n);
        let mut named = Vec::with_capacity(n);
        let mut records: Vec<(u32, ClaimView, Traits)> = interned
            .extra
            .into_iter()
            .enumerate()
            .map(|(i, (view, mut traits, paragraph))| {
                traits.article = articles.of[i];
                traits.source = sources.of[i];
                traits.affiliation = affiliations[i];
                paragraphs.push(paragraph);
                named.push(traits.named);
                (place_of[i], view, traits)
            })
            .collect();
        drop(affiliations);
        records.par_sort_unstable_by_key(|r| r.0);
        let mut chunks: Vec<Chunk> = claim_at
            .par_chunks(CHUNK)
            .map(|block| {
                let mut ids = Vec::new();
                let mut slots = Vec::with_capacity(block.len());
                for &i in block {
                    let own = index.keys_of(i as usize);
                    let before = ids.len();
                    ids.extend(own.iter().copied().filter(|&k| {
                        let (content, concept) = per_key[k as usize];
                        content && (concept == NONE || own.binary_search(&concept).is_err())
                    }));
                    slots.push(Slot {
                        start: before as u32,
                        len: (ids.len() - before) as u32,
                        total: 0.0,
                    });
                }
                ids.shrink_to_fit();
                Chunk { slots, ids }
            })
            .collect();
        drop(per_key);
        // the weights of KeyWeights: ln(1 + N / df) over the views
        let mut df = vec![0usize; keys.len()];
        for &k in chunks.iter().flat_map(|c| &c.ids) {
            df[k as usize] += 1;
        }
        let n = n.max(1) as f64;
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
            index,
            articles,
            sources,
            named,
            paragraphs,
            deciding: Deciding {
                claim_at,
                place_of,
                records,
                chunks,
                weights,
                keys: Vec::new(),
            },
        }
    }

    /// Claims `a` and `b` as the pair of their places, `lower << 32 | higher`.
    pub(super) fn places(&self, a: usize, b: usize) -> u64 {
        self.deciding.places(a, b)
    }

    /// The claim at each place: claims ordered by source, then by index.
    pub(super) fn claim_at(&self) -> &[u32] {
        &self.deciding.claim_at
    }

    /// What deciding pairs reads, once the pairs are made: the index's postings and the
    /// numbers blocking reads are let go.
    pub(super) fn for_pairs(self) -> Deciding {
        Deciding {
            keys: self.index.into_keys(),
            ..self.deciding
        }
    }
}

impl Deciding {
    /// Claims `a` and `b` as the pair of their places, `lower << 32 | higher`.
    pub(super) fn places(&self, a: usize, b: usize) -> u64 {
        let (x, y) = (self.place_of[a], self.place_of[b]);
        (u64::from(x.min(y)) << 32) | u64::from(x.max(y))
    }

    /// [`relate::relate`] of the pair `lower << 32 | higher` of places, the lower claim
    /// first, from their traits and key ids; the claims are read from `claims` only if a
    /// rule needs them.
    pub(super) fn relate<S: ClaimSource + ?Sized>(
        &self,
        claims: &S,
        pair: u64,
    ) -> Option<Relation> {
        let (x, y) = unpack(pair);
        let (i, j) = (self.claim_at[x] as usize, self.claim_at[y] as usize);
        let (i, j, x, y) = if i < j { (i, j, x, y) } else { (j, i, y, x) };
        let (cx, cy) = (&self.chunks[x / CHUNK], &self.chunks[y / CHUNK]);
        let (sx, sy) = (&cx.slots[x % CHUNK], &cy.slots[y % CHUNK]);
        let ov = relate::Overlap::from_ids(
            &cx.ids[sx.start as usize..(sx.start + sx.len) as usize],
            &cy.ids[sy.start as usize..(sy.start + sy.len) as usize],
            &self.keys,
            &self.weights,
            (sx.total, sy.total),
        );
        let (rx, ry) = (&self.records[x], &self.records[y]);
        let (make_i, make_j) = (|| claims.claim(i), || claims.claim(j));
        relate::decide(
            &LazyPair {
                claims: (LazyClaim::later(&make_i), LazyClaim::later(&make_j)),
                views: (&rx.1, &ry.1),
                index: (i, j),
            },
            (&rx.2, &ry.2),
            &ov,
        )
    }
}
