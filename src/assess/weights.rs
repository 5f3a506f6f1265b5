//! Every threshold and weight of the assessment, in one documented place.
//!
//! Attribution confidence starts from how the content is given and is multiplied by the
//! factors below. The 0–1 confidence of a proposition is its best attribution confidence
//! times the factor of its credibility digit, times [`HEDGED`] when every telling hedges.

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
