//! Links between claims: agreement, contradiction and quote variants, found through
//! blocking on content keys so that not every pair is compared.

use crate::attribution::{AttributionKind, Stance};
use crate::claims::Claim;
use serde::{Deserialize, Serialize};

pub mod blocking;

pub use blocking::candidates;

/// Thresholds of the linking stage, in one place.
pub mod thresholds {
    /// Least number of shared keys for two claims to be compared at all (keys over
    /// [`MAX_KEY_FREQUENCY`] not counted).
    pub const MIN_SHARED_KEYS: usize = 2;
    /// A key carried by more claims than this is too common to make pairs: it says little
    /// about whether two claims match ("government", "official"), and the pairs among the `df`
    /// claims of a key cost `df²` to find, so keys without a cap would make the work
    /// quadratic. With it, finding candidates costs at most this many steps per key of a
    /// claim. Such keys still count in the overlap of a pair found through other keys.
    pub const MAX_KEY_FREQUENCY: usize = 64;
    /// Most partners one claim keeps, the best by the summed inverse document frequency of
    /// the shared keys; a pair is compared when either of its claims keeps it. This bounds
    /// the pairs, and the work of [`link`](super::link), by this many times the number of
    /// claims.
    pub const MAX_CANDIDATES_PER_CLAIM: usize = 50;
    /// Least key overlap (shared keys over the smaller key set) for agreement.
    pub const AGREE_OVERLAP: f64 = 0.5;
    /// Least number of shared keys for agreement.
    pub const AGREE_SHARED: usize = 3;
    /// Least key overlap for a quote variant of the same speaker.
    pub const VARIANT_OVERLAP: f64 = 0.4;
    /// Least key overlap for a denial to contradict an assertion.
    pub const CONTRADICT_OVERLAP: f64 = 0.25;
}

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
    /// Index of the first claim (the lower one).
    pub a: usize,
    /// Index of the second claim.
    pub b: usize,
    /// What the relation is.
    pub kind: RelationKind,
    /// Strength, 0 to 1.
    pub score: f64,
    /// Why, in words.
    pub reasons: Vec<String>,
}

fn overlap(shared: usize, a: &Claim, b: &Claim) -> f64 {
    let small = a.keys.len().min(b.keys.len()).max(1);
    shared as f64 / small as f64
}

fn is_negative(c: &Claim) -> bool {
    c.stance == Stance::Deny
        || c.keys
            .iter()
            .any(|k| k == "lack" || k == "deni" || k == "deny" || k == "false")
}

/// Links the claims of a story.
pub fn link(claims: &[Claim]) -> Vec<Relation> {
    let mut out = Vec::new();
    for (i, j, shared) in candidates(claims) {
        let (a, b) = (&claims[i], &claims[j]);
        if a.article == b.article && a.sentence == b.sentence {
            continue;
        }
        let ov = overlap(shared.len(), a, b);
        let shown = shared
            .iter()
            .take(6)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        let same_speaker = a.speaker.source == b.speaker.source;
        let quoted = |c: &Claim| matches!(c.kind, AttributionKind::Direct | AttributionKind::Mixed);
        if same_speaker
            && quoted(a)
            && quoted(b)
            && ov >= thresholds::VARIANT_OVERLAP
            && a.text != b.text
        {
            let sim =
                strsim::normalized_levenshtein(&a.text.to_lowercase(), &b.text.to_lowercase());
            out.push(Relation {
                a: i,
                b: j,
                kind: RelationKind::QuoteVariant,
                score: sim,
                reasons: vec![
                    "the same speaker quoted in two wordings".into(),
                    format!("wording similarity {sim:.2}; shared words: {shown}"),
                ],
            });
            continue;
        }
        let neg = (is_negative(a), is_negative(b));
        if neg.0 != neg.1 && ov >= thresholds::CONTRADICT_OVERLAP && !same_speaker {
            if a.stance == Stance::RefuseToConfirm || b.stance == Stance::RefuseToConfirm {
                continue;
            }
            out.push(Relation {
                a: i,
                b: j,
                kind: RelationKind::Contradicts,
                score: ov,
                reasons: vec![
                    "one denies what the other asserts".into(),
                    format!("shared words: {shown}"),
                ],
            });
            continue;
        }
        if neg.0 == neg.1
            && ov >= thresholds::AGREE_OVERLAP
            && shared.len() >= thresholds::AGREE_SHARED
        {
            out.push(Relation {
                a: i,
                b: j,
                kind: RelationKind::Agrees,
                score: ov,
                reasons: vec![format!(
                    "{:.0}% of the shorter claim's words shared: {shown}",
                    ov * 100.0
                )],
            });
        }
    }
    out
}
