//! What each claim's words give for matching: its view (keys, negation, hedges, names,
//! dates), the weights of keys over a story, and the overlap of two claims' keys.

use crate::attribution::Stance;
use crate::claims::meaning::negated;
use crate::claims::predicates::{weakens, NEGATIONS, NOT_CONTENT};
use crate::claims::Claim;
use crate::text::concepts::{concept_of, is_concept};
use crate::text::tokens::{normalize_word, stem, words};
use crate::text::Span;
use std::collections::{BTreeSet, HashMap};

/// The stems of [`NOT_CONTENT`] and [`NEGATIONS`], computed once.
pub(super) fn not_content_stems() -> &'static BTreeSet<String> {
    static STEMS: std::sync::OnceLock<BTreeSet<String>> = std::sync::OnceLock::new();
    STEMS.get_or_init(|| {
        NOT_CONTENT
            .iter()
            .chain(NEGATIONS)
            .map(|w| stem(w))
            .collect()
    })
}

/// Words by which a speaker keeps a matter at a distance: "the alleged plot".
pub(super) const DISTANCING: &[&str] = &["alleged", "purported", "so-called", "supposed"];

/// What one claim gives for matching.
#[derive(Clone, Debug)]
pub struct ClaimView {
    /// Content keys, with a concept standing in for the stems it covers.
    pub keys: BTreeSet<String>,
    /// The content negates ("not", "lack of") or the cue denies.
    pub negative: bool,
    /// The content hedges ("may", "possible").
    pub hedged: bool,
    /// The speaker keeps the matter at a distance ("alleged").
    pub distancing: bool,
    /// Keys of the capitalised names in the content, after its first word.
    pub names: BTreeSet<String>,
    /// Dates the content's time references resolve to (first and last day).
    pub dates: Vec<(chrono::NaiveDate, chrono::NaiveDate)>,
}

/// Concepts that name who acts ("extremists", "the U.S."), like names do.
pub(super) const ACTOR_CONCEPTS: &[&str] = &["~militant", "~uk", "~us"];

impl ClaimView {
    /// Who acts in the claim, as keys: its names and actor concepts.
    pub(super) fn actors(&self) -> BTreeSet<&str> {
        self.names
            .iter()
            .map(String::as_str)
            .chain(
                self.keys
                    .iter()
                    .map(String::as_str)
                    .filter(|k| ACTOR_CONCEPTS.contains(k)),
            )
            .collect()
    }
}

/// True when each claim names actors the other does not: "extremists planned an attack"
/// and "the U.S. and U.K. were planning attacks" share words but not who plans.
pub(super) fn actors_differ(a: &ClaimView, b: &ClaimView) -> bool {
    let (xa, xb) = (a.actors(), b.actors());
    xa.difference(&xb).next().is_some()
        && xb.difference(&xa).next().is_some()
        && xa.is_disjoint(&xb)
}

/// True when key `k` of a claim is one of its view's keys: content (not a word of
/// [`NOT_CONTENT`] or [`NEGATIONS`]), and not a stem that a concept the claim also holds
/// (`claim_has`) stands in for.
pub(crate) fn is_view_key(k: &str, claim_has: impl Fn(&str) -> bool) -> bool {
    is_content_key(k) && !covering_concept(k).is_some_and(claim_has)
}

/// The concept that stands in for key `k` when a claim holds both, if any: see
/// [`is_view_key`].
pub(crate) fn covering_concept(k: &str) -> Option<&'static str> {
    if is_concept(k) {
        None
    } else {
        concept_of(k)
    }
}

/// True when key `k` is content: not a word of [`NOT_CONTENT`] or [`NEGATIONS`].
pub(crate) fn is_content_key(k: &str) -> bool {
    !not_content_stems().contains(k)
}

impl ClaimView {
    /// The view of a claim.
    pub fn new(c: &Claim) -> ClaimView {
        let has = |con: &str| c.keys.iter().any(|x| x == con);
        ClaimView {
            keys: c
                .keys
                .iter()
                .filter(|k| is_view_key(k, has))
                .cloned()
                .collect(),
            ..ClaimView::lean(c)
        }
    }

    /// The view of a claim with only the keys [`ClaimView::actors`] reads (actor concepts),
    /// for [`decide`] with an overlap computed from key ids: every claim's key strings held
    /// once more would double the memory of linking a large story.
    pub(crate) fn lean(c: &Claim) -> ClaimView {
        let has = |con: &str| c.keys.iter().any(|x| x == con);
        let keys = c
            .keys
            .iter()
            .filter(|k| ACTOR_CONCEPTS.contains(&k.as_str()) && is_view_key(k, has))
            .cloned()
            .collect();
        let text = c.text.as_str();
        let ws = words(text, Span::new(0, text.len()));
        let lows: Vec<String> = ws.iter().map(|t| normalize_word(t.text)).collect();
        // a claim whose predicate is known has the polarity of what it asserts: a
        // negation elsewhere in a long quotation ("this was not a rogue operation") does
        // not turn its assertion around
        // (a rejection of the account of a party's deed is negative as an answer to it,
        // which the assertion's verdict weighs; its own words assert: "politically
        // motivated")
        let answered = c.assertion.rejects && c.assertion.agent.is_some();
        let negative = c.stance == Stance::Deny
            || (c.assertion.negative && !answered)
            || (c.assertion.predicate.is_none() && negated(&lows, None));
        let hedged = c.hedges.iter().any(|h| weakens(&h.cue));
        let distancing = lows.iter().any(|l| DISTANCING.contains(&l.as_str()));
        let mut names = BTreeSet::new();
        for (i, t) in ws.iter().enumerate().skip(1) {
            if !t.text.starts_with(|ch: char| ch.is_uppercase()) || lows[i] == "i" {
                continue;
            }
            let s = stem(t.text);
            names.insert(concept_of(&s).map_or(s, str::to_string));
        }
        let dates = c
            .times
            .iter()
            .filter_map(|t| Some((t.start?, t.end.or(t.start)?)))
            .collect();
        ClaimView {
            keys,
            negative,
            hedged,
            distancing,
            names,
            dates,
        }
    }
}

/// Key weights over a set of claims: `ln(1 + N / df)`.
#[derive(Clone, Debug, Default)]
pub struct KeyWeights {
    df: HashMap<String, usize>,
    n: usize,
}

impl KeyWeights {
    /// Counts in how many of the views each key occurs.
    pub fn new<'a>(views: impl IntoIterator<Item = &'a ClaimView>) -> KeyWeights {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut n = 0;
        for v in views {
            n += 1;
            for k in &v.keys {
                *df.entry(k.clone()).or_default() += 1;
            }
        }
        KeyWeights { df, n }
    }

    /// Key weights from counts made elsewhere: `n` views in all, and in how many of them
    /// each key occurs (keys not listed weigh as ones seen once).
    pub fn from_counts(n: usize, df: HashMap<String, usize>) -> KeyWeights {
        KeyWeights { df, n }
    }

    /// The weight of a key; a key never seen weighs as one seen once.
    pub fn weight(&self, key: &str) -> f64 {
        let df = self.df.get(key).copied().unwrap_or(1).max(1);
        (1.0 + self.n.max(1) as f64 / df as f64).ln()
    }

    pub(super) fn total(&self, keys: &BTreeSet<String>) -> f64 {
        keys.iter().map(|k| self.weight(k)).sum()
    }
}

/// How much of two claims' content is shared.
pub(crate) struct Overlap<'a> {
    /// Where the shared keys are read from, when a reason names them.
    keys: SharedKeys<'a>,
    /// How many keys both claims hold.
    pub(crate) shared: usize,
    /// Cover of the first claim.
    pub(crate) cover_a: f64,
    /// Cover of the second claim.
    pub(crate) cover_b: f64,
}

/// The two claims' keys, from which an [`Overlap`] lists the shared ones.
pub(super) enum SharedKeys<'a> {
    /// As strings.
    Strings(&'a BTreeSet<String>, &'a BTreeSet<String>),
    /// As ascending ids into a table of keys sorted as strings.
    Ids(&'a [u32], &'a [u32], &'a [Box<str>]),
}

/// The values both ascending slices hold, ascending.
pub(super) fn common<'x>(x: &'x [u32], y: &'x [u32]) -> impl Iterator<Item = u32> + 'x {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(x[i - 1]);
                }
            }
        }
        None
    })
}

impl<'a> Overlap<'a> {
    pub(crate) fn new(a: &'a ClaimView, b: &'a ClaimView, kw: &KeyWeights) -> Overlap<'a> {
        let mut shared = 0;
        let s: f64 = a
            .keys
            .intersection(&b.keys)
            .map(|k| {
                shared += 1;
                kw.weight(k)
            })
            .sum();
        Overlap::with_covers(
            SharedKeys::Strings(&a.keys, &b.keys),
            shared,
            s,
            kw.total(&a.keys),
            kw.total(&b.keys),
        )
    }

    /// The overlap of two claims whose view keys are given as ascending ids into `keys`
    /// (sorted as strings, so that ids and strings come in the same order), with each key
    /// id's weight and each claim's total weight. For claims that share a key, the same as
    /// [`Overlap::new`] on the views to the last bit: the same weights are added in the same
    /// order.
    pub(crate) fn from_ids(
        a: &'a [u32],
        b: &'a [u32],
        keys: &'a [Box<str>],
        weights: &[f64],
        totals: (f64, f64),
    ) -> Overlap<'a> {
        // a merge that steps without branching on which list is behind; the weights are
        // positive, so that adding them to 0 in order gives the sum of `Overlap::new`
        let (mut shared, mut s) = (0, 0.0);
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i], b[j]);
            if x == y {
                shared += 1;
                s += weights[x as usize];
            }
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        Overlap::with_covers(SharedKeys::Ids(a, b, keys), shared, s, totals.0, totals.1)
    }

    pub(super) fn with_covers(
        keys: SharedKeys<'a>,
        shared: usize,
        s: f64,
        ta: f64,
        tb: f64,
    ) -> Overlap<'a> {
        let cover = |t: f64| if t > 0.0 { s / t } else { 0.0 };
        Overlap {
            keys,
            shared,
            cover_a: cover(ta),
            cover_b: cover(tb),
        }
    }

    pub(super) fn high(&self) -> f64 {
        self.cover_a.max(self.cover_b)
    }

    pub(super) fn low(&self) -> f64 {
        self.cover_a.min(self.cover_b)
    }

    /// The keys both claims hold, in the keys' order.
    pub(crate) fn shared_keys(&self) -> Vec<&'a str> {
        match self.keys {
            SharedKeys::Strings(a, b) => a.intersection(b).map(String::as_str).collect(),
            SharedKeys::Ids(a, b, keys) => common(a, b).map(|k| &*keys[k as usize]).collect(),
        }
    }

    /// The shared keys for a reason, at most `limit` of them, concepts without their `~`,
    /// without the `@` keys of predicate classes and parties (a reason names those in
    /// words).
    pub(crate) fn words_up_to(&self, limit: usize) -> String {
        let shown: Vec<&str> = self
            .shared_keys()
            .into_iter()
            .filter(|k| !k.starts_with('@'))
            .map(|k| k.trim_start_matches('~'))
            .take(limit)
            .collect();
        shown.join(", ")
    }
}
