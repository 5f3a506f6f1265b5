//! The patterns that read one cue's frame: who the speaker is and where the content is.
//!
//! A verb cue is read in two steps, each a list of pattern families tried in order.
//!
//! 1. The speaker: the first family of [`SPEAKERS`] that applies decides, even when it
//!    finds no one (a passive with no agent has no speaker). The one quoted ("Tass
//!    quoted X as saying"), the passive ("was asked by
//!    the Courier"), the infinitive ("went on to say"), a participle after a comma
//!    (", warning of"), the noun phrase before the cue, a name with an appositive before
//!    it ("Mara Lind, the editor of ..., said"), the inverted order ("“…,” said Peskov"),
//!    the opening phrase ("Russia, always paranoid ..., has accused"), the subject of a
//!    coordinated clause ("... and said") and the relative pronoun ("who said").
//! 2. The content, unless the speaker family placed it (the inverted order puts it before
//!    the cue): the words around the cue are read once ([`Reading`]), then the first
//!    family of [`CONTENTS`] that applies places it: the quotation after a colon that ends
//!    the sentence, the quotation closing the sentence before, the complement after the
//!    cue, or what stands before the speaker ("“…,” the spokesperson said").
//!
//! "According to X" ([`according`]) and nominal frames ("In a report, the guild found
//! ...", [`nominal`]) have shapes of their own.

mod according;
mod clause;
mod colon;
mod complement;
mod infinitive;
mod inverted;
mod nominal;
mod participle;
mod passive;
mod quoted;
mod reading;
mod subject;
mod trailing;

pub(super) use according::according_frame;
pub(super) use nominal::nominal_frame;

use super::cue_finder::CueHit;
use super::mentions::Mentions;
use super::phrases::{span_of, Range};
use super::quotes::Around;
use super::tokens::Tok;
use crate::text::Span;
use reading::Reading;

/// What the patterns read: one cue of a sentence and what is around it.
pub(super) struct Cx<'c, 'a> {
    /// The sentence's tokens.
    pub toks: &'c [Tok<'a>],
    /// The sentence.
    pub sentence: Span,
    /// The names in the article.
    pub mentions: &'c Mentions,
    /// The cue.
    pub hit: &'c CueHit,
    /// The next cue of the sentence, whose frame ends this one's content.
    pub next: Option<&'c CueHit>,
    /// An attribution of this sentence came before, whose speaker a clause may share.
    pub has_prev: bool,
    /// The quotations next to the sentence.
    pub around: Around,
    /// Where the cue's frame starts: the cue, after the auxiliaries and adverbs before it.
    pub frame: usize,
}

impl Cx<'_, '_> {
    /// True when the token just before the frame is `word`.
    fn before_frame_is(&self, word: &str) -> bool {
        self.frame > 0 && self.toks[self.frame - 1].is(word)
    }
}

/// The speaker a family found.
#[derive(Clone, Copy, Debug, Default)]
struct Who {
    /// The source mention.
    source: Option<Range>,
    /// The name inside the mention, when the mention also describes the speaker.
    head: Option<Range>,
    /// The speaker is the previous attribution's of the sentence.
    inherit: bool,
    /// The phrase a relative pronoun source stands for, when the family reads it from
    /// the words before ("sources in the guild who said").
    antecedent: Option<Range>,
    /// Where the content after the cue may start, when not just after the cue (after a
    /// passive's agent).
    content_from: Option<usize>,
    /// The content, when the family places it itself (before the cue).
    content: Option<Range>,
    /// Who carries the speaker's words, named in the frame ("Tass quoted X as saying").
    via: Option<Range>,
}

/// Where a content family places the content.
#[derive(Clone, Copy, Debug, Default)]
struct Said {
    content: Option<Range>,
    /// More content after the cue's adjunct, for content written around the frame.
    rest: Option<Range>,
    /// The quotation of a neighbouring sentence.
    neighbour: Option<Span>,
}

/// A family that finds the speaker; `None` when it does not apply.
type SpeakerFamily = fn(&Cx) -> Option<Who>;

/// The speaker families, in the order they are tried.
const SPEAKERS: [SpeakerFamily; 10] = [
    quoted::speaker,
    passive::speaker,
    infinitive::speaker,
    participle::speaker,
    subject::before_cue,
    subject::appositive,
    inverted::speaker,
    clause::opening_phrase,
    clause::coordinated,
    clause::relative_pronoun,
];

/// A family that places the content; `None` when it does not apply.
type ContentFamily = fn(&Cx, &Who, &Reading) -> Option<Said>;

/// The content families, in the order they are tried.
const CONTENTS: [ContentFamily; 4] = [
    colon::next_quote,
    trailing::previous_quote,
    complement::after,
    trailing::before,
];

/// The result of reading one cue's frame.
#[derive(Clone, Debug, Default)]
pub(super) struct Frame {
    /// The source mention.
    pub source: Option<Range>,
    /// The name inside the source mention, when the mention also describes the speaker.
    pub head: Option<Range>,
    /// The content.
    pub content: Option<Range>,
    /// Intermediaries named in the frame ("said to Newsweek").
    pub via: Vec<Span>,
    /// Adverbs between the speaker and the cue ("reportedly").
    pub modifiers: Vec<Span>,
    /// The speaker is the previous attribution's of this sentence.
    pub inherit: bool,
    /// The phrase a relative pronoun source stands for, read from the words before it.
    pub antecedent: Option<Range>,
    /// More content after the cue's adjunct, for content written around the frame.
    pub rest: Option<Range>,
    /// The content is the quotation of a neighbouring sentence (see [`Around`]).
    pub neighbour: Option<Span>,
}

/// Reads the frame of a verb cue: the speaker, then the content.
pub(super) fn verb_frame(cx: &Cx) -> Frame {
    let toks = cx.toks;
    let modifiers = toks[cx.frame..cx.hit.start]
        .iter()
        .filter(|t| t.lower.ends_with("ly") && !t.capitalised())
        .map(|t| t.span)
        .collect();
    let who = SPEAKERS
        .iter()
        .find_map(|family| family(cx))
        .unwrap_or_default();
    let mut f = Frame {
        source: who.source,
        head: who.head,
        modifiers,
        inherit: who.inherit,
        antecedent: who.antecedent,
        ..Frame::default()
    };
    if who.content.is_some() {
        f.content = who.content;
        return f;
    }
    let reading = Reading::new(cx, &who);
    if let Some(said) = CONTENTS
        .iter()
        .find_map(|family| family(cx, &who, &reading))
    {
        f.content = said.content;
        f.rest = said.rest;
        f.neighbour = said.neighbour;
    }
    f.via = reading.via;
    if let Some((s, e)) = who.via {
        f.via.insert(0, span_of(toks, s, e));
    }
    f
}
