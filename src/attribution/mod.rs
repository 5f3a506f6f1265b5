//! Attribution: who said what, found in the text. Cue lexicon, quotes, reported speech,
//! "according to", block headers and coreference.
//!
//! This stage reads an article (and a [`crate::sources::Gazetteer`], the names to look for)
//! and returns [`Attribution`]s: spans of the source mention, the cue and the content. It
//! does not decide which source a mention is: the [`crate::resolve`] stage does.
//!
//! [`extract`] combines two extractors: the learned tagger ([`model`]) finds the
//! attributions and their spans, and the rules ([`extract_rules`]) add what the tagger does
//! not give. The rules prepare an article once (its quotations, the names in it), read each
//! sentence's cues through pattern families tried in a fixed order (passive, infinitive,
//! participle, the subject before the cue, the inverted order, colon, trailing content,
//! according to, nominal frames), complete the speaker (coreference, affiliations), and
//! then make passes over the article: relays, block headers, quotations that spill over
//! sentences and paragraphs. The word lists they use are in one lexicon, the cue verbs and
//! phrases with their stances in [`cues`].

// preparing an article and its sentences
pub(crate) mod lexicon;
mod mentions;
mod prepare;
mod quotes;
mod tokens;
// reading a sentence
mod content;
mod cue_finder;
pub mod cues;
mod patterns;
mod phrases;
mod sentence;
// the article
mod affiliation;
mod blocks;
mod coreference;
mod relays;
mod rules;
mod spill;
// the tagger and the combination
mod accounts;
mod combine;
pub mod model;
mod model_only;
mod source_span;
mod whole_quotes;

#[cfg(test)]
mod testutil;

pub use combine::{extract, extract_with};
pub use cues::Stance;
pub use quotes::quote_regions;
pub use rules::extract as extract_rules;

use crate::text::Span;
use serde::{Deserialize, Serialize};

/// How the content of an attribution is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributionKind {
    /// The content is a quotation, word for word.
    Direct,
    /// The content is a paraphrase (reported speech).
    Indirect,
    /// A paraphrase that quotes some words.
    Mixed,
    /// "According to X, ...".
    AccordingTo,
    /// The article's own voice: no one else is cited.
    Author,
}

impl AttributionKind {
    /// The kind in words, as reports show it.
    pub fn label(self) -> &'static str {
        match self {
            AttributionKind::Direct => "direct quote",
            AttributionKind::Indirect => "paraphrase",
            AttributionKind::Mixed => "partial quote",
            AttributionKind::AccordingTo => "according to",
            AttributionKind::Author => "article's own voice",
        }
    }
}

/// One attribution found in an article: a source mention, a cue and content, as spans of
/// the article text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// Index of the sentence it was found in.
    pub sentence: usize,
    /// How the content is given.
    pub kind: AttributionKind,
    /// The source mention in the sentence ("The FSB", "She", "Mara Lind, the editor of the
    /// Lowland Herald"); empty when the sentence names none (the article's own voice).
    pub source: Vec<Span>,
    /// The name inside a source mention that also describes the speaker: "Mara Lind" in
    /// "Mara Lind, the editor of the Lowland Herald". `None` when the mention is only a name.
    pub head: Option<Span>,
    /// The earlier mention a pronoun or a phrase such as "the report" stands for.
    pub antecedent: Option<Span>,
    /// The cue ("stated", "refused to confirm", "According to").
    pub cue: Vec<Span>,
    /// The lemma of the cue ("state", "refuse to confirm").
    pub cue_lemma: String,
    /// The stance the cue gives.
    pub stance: Stance,
    /// What was said: one or more spans (discontinuous around an inserted attribution).
    pub content: Vec<Span>,
    /// Words between the source and the cue that qualify it ("reportedly").
    pub modifiers: Vec<Span>,
    /// Intermediaries the text names, nearest to the speaker first: "said to Newsweek", the
    /// speaker of an enclosing report ("the FSB reported ..., Reuters said"), the outlet of a
    /// "Reuters:" block.
    pub via: Vec<Span>,
    /// An organisation the text ties the speaker to, in an appositive or a sentence such as
    /// "Mara Lind is the editor of the Lowland Herald".
    pub affiliation: Option<Span>,
    /// True when the content only passes on another attribution of the same sentence ("...,
    /// Reuters said" around "The FSB reported ..."): that attribution lists this one's
    /// speaker among its intermediaries, and no claim of its own is made from this one.
    pub relays: bool,
}
