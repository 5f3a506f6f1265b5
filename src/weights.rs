//! Every threshold and weight of linking and assessment, in one documented place.
//!
//! [`link`] decides which claims are compared and what makes two claims agree, contradict,
//! elaborate or vary a quotation. [`assess`] turns a proposition's claims into an
//! attribution confidence, an Admiralty credibility digit and a 0–1 confidence. [`check`]
//! decides how a story's claims bear on a claim a user checks.

/// Linking: candidates and relations between claims.
///
/// Overlaps are weighted: each content key weighs `ln(1 + N / df)` over the story's `N`
/// claims, `df` of which hold it, so that a rare word ("synagogue") counts for more than a
/// common one ("attack"). The *cover* of a claim is the weight of the keys it shares with
/// the other claim over the weight of all its keys.
pub mod link {
    /// Least number of shared keys for two claims to be compared at all.
    pub const MIN_SHARED_KEYS: usize = 2;
    /// Least number of shared keys for two claims of one named source to be compared: a
    /// source retold in two articles often keeps only a word or a name of its own.
    pub const MIN_SHARED_SOURCE_KEYS: usize = 1;
    /// A key shared by more claims than this is too common to block on: it says little
    /// about whether two claims match ("government", "official"), and the pairs among the
    /// `df` claims of a key cost `df²` to find, so keys without a cap would make the work
    /// quadratic. With it, finding candidates costs at most this many steps per key of a
    /// claim. Such keys still count in the overlap of a pair found through other keys.
    pub const MAX_KEY_FREQUENCY: usize = 64;
    /// Most partners one claim keeps among the claims that share keys with it, the best by
    /// the summed inverse document frequency of the shared keys, and as many among the
    /// claims of its source that share a key with it; a pair is compared when either of its
    /// claims keeps it. This bounds those pairs, and the work of linking, by twice this
    /// many times the number of claims.
    pub const MAX_CANDIDATES_PER_CLAIM: usize = 50;
    /// Claims of one article within this many paragraphs of each other are always
    /// compared: a denial often answers the paragraph before it in other words.
    pub const NEIGHBOUR_PARAGRAPHS: usize = 1;
    /// Agreement: least cover of the more covered claim.
    pub const AGREE_COVER: f64 = 0.5;
    /// Agreement: least cover of the less covered claim (below it, the larger claim
    /// elaborates the smaller).
    pub const AGREE_OTHER_COVER: f64 = 0.2;
    /// Agreement of two claims of the same source, or of two sources of one affiliation
    /// (which repeat one another): least cover of the more covered one.
    pub const SAME_SOURCE_COVER: f64 = 0.3;
    /// Elaboration: least cover of the claim that is elaborated.
    pub const ELABORATE_COVER: f64 = 0.7;
    /// Elaboration: least number of shared keys.
    pub const ELABORATE_SHARED: usize = 3;
    /// Quote variants: least cover of the more covered quotation.
    pub const VARIANT_COVER: f64 = 0.4;
    /// Contradiction by negation or conflicting details: least cover of the more covered
    /// claim.
    pub const CONTRADICT_COVER: f64 = 0.5;
    /// Share of the other claim's weighted words a negation must cover as well: a
    /// fragment covered by a longer claim is not about its matter.
    pub const CONTRADICT_OTHER_COVER: f64 = 0.2;
    /// A denial against an assertion: the score is this share of the denial's cover ...
    pub const DENIAL_COVER_SHARE: f64 = 0.5;
    /// ... plus this when the text says whose statements the denial answers and they are
    /// the other claim's source ("the Kremlin's response to these warnings") ...
    pub const DENIAL_ANSWERS: f64 = 0.3;
    /// ... plus this when the other claim comes earlier in the same article ...
    pub const DENIAL_EARLIER: f64 = 0.1;
    /// ... plus this when the denial calls the matter "alleged" or "so-called".
    pub const DENIAL_DISTANCING: f64 = 0.1;
    /// Least score of a denial against an assertion.
    pub const DENIAL_SCORE: f64 = 0.5;
}

/// Checking a claim a user types against a story (`claimgraph check`).
///
/// The score of a story claim is the share of the checked claim's weighted content it
/// holds, or [`CLAIM_COVER_SHARE`](check::CLAIM_COVER_SHARE) of the share of its own
/// content the checked claim holds, whichever is larger.
pub mod check {
    /// Below this score a claim is unrelated.
    pub const RELATED: f64 = 0.25;
    /// Least score to agree.
    pub const AGREE: f64 = 0.5;
    /// Least score to disagree (opposite polarity).
    pub const DISAGREE: f64 = 0.35;
    /// Weight of the story claim's own cover in the score.
    pub const CLAIM_COVER_SHARE: f64 = 0.8;
}

/// Assessment: attribution confidence, credibility and confidence.
///
/// Attribution confidence starts from how the content is given and is multiplied by the
/// factors below. The 0–1 confidence of a proposition is its best attribution confidence
/// times the factor of its credibility digit, times [`HEDGED`](assess::HEDGED) when every
/// telling hedges.
pub mod assess {
    /// A word-for-word quotation.
    pub const DIRECT: f64 = 0.95;
    /// A paraphrase that quotes some words.
    pub const MIXED: f64 = 0.9;
    /// A paraphrase.
    pub const INDIRECT: f64 = 0.8;
    /// "According to X".
    pub const ACCORDING_TO: f64 = 0.75;
    /// The article's own voice: certain that the article says it, nothing more.
    pub const AUTHOR: f64 = 0.9;
    /// Speaker resolved through a pronoun or "the report".
    pub const COREFERENCE: f64 = 0.95;
    /// Speaker matched only by spelling.
    pub const FUZZY: f64 = 0.9;
    /// Speaker left unidentified.
    pub const UNRESOLVED: f64 = 0.6;
    /// Anonymous speaker ("officials", "a source").
    pub const ANONYMOUS: f64 = 0.5;
    /// "reportedly", "allegedly": second-hand.
    pub const REPORTEDLY: f64 = 0.6;
    /// Passed on by a named outlet ("said to Newsweek"): the chain is known.
    pub const NAMED_INTERMEDIARY: f64 = 1.05;
    /// Every telling of the proposition is hedged ("may", "possible").
    pub const HEDGED: f64 = 0.8;
    /// Independent origins needed for credibility 1 (confirmed).
    pub const CONFIRMED_ORIGINS: usize = 3;

    /// The factor of an Admiralty credibility digit in the 0–1 confidence.
    pub fn credibility_factor(credibility: u8) -> f64 {
        match credibility {
            1 => 1.0,
            2 => 0.85,
            3 => 0.65,
            4 => 0.4,
            5 => 0.15,
            _ => 0.3,
        }
    }
}
