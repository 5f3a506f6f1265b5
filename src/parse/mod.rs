//! Part-of-speech tags, lemmas and dependency trees of English sentences, from a tagger, a
//! lemmatiser and a parser of claimgraph's own, trained on Universal Dependencies English
//! EWT (CC BY-SA 4.0).
//!
//! [`Parser::parse_into`] takes a sentence as the words a caller already has and gives
//! each word its universal part of speech ([`Upos`]), its Penn Treebank tag, its lemma, its
//! head and its relation to the head ([`Deprel`]), reusing one [`Parse`]'s memory from
//! sentence to sentence.
//!
//! # Design
//!
//! - **Tagger**: a greedy left-to-right averaged perceptron ([`tagger`]) over (UPOS,
//!   XPOS) pairs, from word forms, affixes, shapes and the previous two tags.
//! - **Lemmatiser** ([`lemma`]): the training words whose lemma suffix rules miss, then
//!   suffix rules learned by tag, then a lexicon of irregular past forms.
//! - **Parser**: arc-hybrid transitions with the root at the end of the buffer
//!   ([`system`]), which always gives a tree with one root; one averaged perceptron scores
//!   every labelled transition from Zhang and Nivre's (2011) rich feature templates
//!   ([`parser`]), and decoding is greedy, one scoring per transition, two transitions a
//!   word. Training uses the arc-hybrid dynamic oracle with exploration (Goldberg and
//!   Nivre 2012, 2013) so the parser learns to recover from its own mistakes, the tags
//!   of the training sentences come from taggers trained on the other folds
//!   (jack-knifing), so the parser learns from tags as good as it will be given, and
//!   non-projective training trees are made projective by lifting.
//!
//!   A greedy linear parser was chosen over a neural one because it trains in minutes on
//!   two cores, deterministically and in exact integer arithmetic, so the model is
//!   reproduced byte for byte; it parses hundreds of thousands of words a second on one
//!   core without matrix code; and its errors can be read off its features. Arc-hybrid
//!   over arc-eager: its dynamic oracle is exact and simple, and the root-at-end rule
//!   gives a single-rooted tree without repair.
//! - **Weights** ([`linear`]): hashed features in an open-addressed table of sparse rows
//!   of 16-bit weights; the model file ([`Parser::to_bytes`]) starts with a version
//!   header.

pub mod codec;
pub mod conllu;
pub mod dense;
pub mod hash;
pub mod labels;
pub mod lemma;
pub mod lexical;
pub mod linear;
pub mod pages;
pub mod parser;
pub mod system;
pub mod tagger;

pub use labels::{Deprel, Upos};

use codec::{put_str, put_varint, Reader};
use dense::Dense;
use lemma::Lemmatizer;
use lexical::Lex;
use linear::Weights;
use parser::Tokens;
use std::sync::OnceLock;
use system::{State, CLASSES, NONE};

/// The model trained on EWT's train split with the default training options.
const EMBEDDED: &[u8] = include_bytes!("parser.model");

/// The first bytes of a model file: the format and its version.
const MAGIC: &[u8] = b"CGPARSE1\n";

/// One tag of the tagger: a universal and a Penn Treebank part of speech.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tag {
    /// The universal part of speech.
    pub upos: Upos,
    /// The Penn Treebank tag (EWT's XPOS).
    pub xpos: String,
}

/// A trained tagger, lemmatiser and parser.
#[derive(Clone, Debug, PartialEq)]
pub struct Parser {
    pos: PosTagger,
    lemmas: Lemmatizer,
    moves: Dense,
    labels: Weights,
    allowed: Vec<bool>,
}

/// The part-of-speech tagger alone: the tag inventory, the tagger's weights and its
/// lexicon, the first parts of a model file. [`PosTagger::embedded`] reads only these
/// parts of the embedded model, for callers that need tags without trees (a third of the
/// memory and of the time to load).
#[derive(Clone, Debug, PartialEq)]
pub struct PosTagger {
    tags: Vec<Tag>,
    tagger: Weights,
    lexicon: tagger::Lexicon,
}

impl PosTagger {
    /// The tagger of the parser that ships with claimgraph.
    pub fn embedded() -> &'static PosTagger {
        static TAGGER: OnceLock<PosTagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            read_head(EMBEDDED)
                .map(|(pos, _, _)| pos)
                .expect("the embedded parser model is well formed")
        })
    }

    /// Tags one sentence given as its words, without lemmas or a tree: afterwards `out`
    /// answers [`Parse::upos`], [`Parse::xpos`] and [`Parse::len`] only (it holds no
    /// lemmas, heads or relations).
    pub fn tag_into<'p, S: AsRef<str>>(&'p self, words: &[S], out: &mut Parse<'p>) {
        out.heads.clear();
        out.rels.clear();
        out.lemmas.clear();
        out.lemma_ends.clear();
        out.lex.clear();
        out.lowers.clear();
        out.lower_ends.clear();
        for (i, w) in words.iter().enumerate() {
            let lex = Lex::of(w.as_ref(), i == 0, &mut out.lower);
            out.lex.push(lex);
            out.lowers.push_str(&out.lower);
            out.lower_ends.push(out.lowers.len() as u32);
        }
        tagger::tag(
            &self.tagger,
            &self.lexicon,
            &mut out.lex,
            &mut out.tag_ids,
            &mut out.feats,
            &mut out.scores,
        );
        out.upos.clear();
        out.xpos.clear();
        for &t in &out.tag_ids {
            let tag = &self.tags[usize::from(t)];
            out.upos.push(tag.upos);
            out.xpos.push(&tag.xpos);
        }
    }
}

/// Reads the first parts of a model file: the tagger and the lemmatiser, and the reader
/// left where the transition table starts.
fn read_head(bytes: &[u8]) -> Result<(PosTagger, Lemmatizer, Reader<'_>), String> {
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or("not a claimgraph parser model of this version (bad header)")?;
    let mut r = Reader::new(rest);
    let ntags = r.count(u16::MAX as usize, "tag count")?;
    let mut tags = Vec::with_capacity(ntags);
    for _ in 0..ntags {
        let u = r.byte()?;
        let upos =
            Upos::from_index(usize::from(u)).ok_or_else(|| format!("bad UPOS number {u}"))?;
        tags.push(Tag {
            upos,
            xpos: r.str()?.to_string(),
        });
    }
    let lemmas = Lemmatizer::read(&mut r)?;
    if lemmas.keep_case.len() != ntags {
        return Err("the lemmatiser's tags are not the tagger's".into());
    }
    let tagger = Weights::read(&mut r)?;
    if tagger.classes() != ntags {
        return Err("the tagger's classes are not its tags".into());
    }
    let lexicon = tagger::Lexicon::read(&mut r)?;
    let pos = PosTagger {
        tags,
        tagger,
        lexicon,
    };
    Ok((pos, lemmas, r))
}

/// The analysis of one sentence, and the buffers that made it, for the next sentence.
#[derive(Clone, Debug, Default)]
pub struct Parse<'p> {
    upos: Vec<Upos>,
    xpos: Vec<&'p str>,
    heads: Vec<u32>,
    rels: Vec<Deprel>,
    lemmas: String,
    lemma_ends: Vec<u32>,
    // buffers
    lex: Vec<Lex>,
    lower: String,
    lowers: String,
    lower_ends: Vec<u32>,
    tag_ids: Vec<u16>,
    tokens: Tokens,
    state: State,
    feats: Vec<u64>,
    scores: Vec<i32>,
}

impl<'p> Parse<'p> {
    /// An empty analysis.
    pub fn new() -> Parse<'p> {
        Parse::default()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.upos.len()
    }

    /// Whether the sentence had no words.
    pub fn is_empty(&self) -> bool {
        self.upos.is_empty()
    }

    /// The universal part of speech of word `i` (from 0).
    pub fn upos(&self, i: usize) -> Upos {
        self.upos[i]
    }

    /// The Penn Treebank tag of word `i`.
    pub fn xpos(&self, i: usize) -> &'p str {
        self.xpos[i]
    }

    /// The lemma of word `i`.
    pub fn lemma(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.lemma_ends[i - 1] as usize
        };
        &self.lemmas[start..self.lemma_ends[i] as usize]
    }

    /// The head of word `i` (an index from 0), `None` for the sentence's root word.
    pub fn head(&self, i: usize) -> Option<usize> {
        match self.heads[i] {
            0 => None,
            h => Some(h as usize - 1),
        }
    }

    /// The relation of word `i` to its head (`root` for the root word).
    pub fn deprel(&self, i: usize) -> Deprel {
        self.rels[i]
    }

    /// The dependents of word `i`, in order.
    pub fn dependents(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let h = i as u32 + 1;
        (0..self.len()).filter(move |&d| self.heads[d] == h)
    }
}

impl Parser {
    /// A parser from its trained parts, as training makes them: the tag inventory, the
    /// tagger's weights and lexicon, the lemmatiser, the transition and relation weights,
    /// and which labelled transitions training met (by class).
    pub fn from_parts(
        tags: Vec<Tag>,
        tagger: Weights,
        lexicon: tagger::Lexicon,
        lemmas: Lemmatizer,
        moves: Dense,
        labels: Weights,
        allowed: Vec<bool>,
    ) -> Parser {
        Parser {
            pos: PosTagger {
                tags,
                tagger,
                lexicon,
            },
            lemmas,
            moves,
            labels,
            allowed,
        }
    }

    /// The parser that ships with claimgraph.
    pub fn embedded() -> &'static Parser {
        static PARSER: OnceLock<Parser> = OnceLock::new();
        PARSER.get_or_init(|| {
            Parser::from_bytes(EMBEDDED).expect("the embedded parser model is well formed")
        })
    }

    /// The tags, numbered.
    pub fn tags(&self) -> &[Tag] {
        &self.pos.tags
    }

    /// Sizes, for reports: tags, tagger features and weights, transition table rows
    /// in use, relation features and weights, lemma table words.
    pub fn sizes(&self) -> [usize; 7] {
        [
            self.pos.tags.len(),
            self.pos.tagger.features(),
            self.pos.tagger.entries(),
            self.moves.used(),
            self.labels.features(),
            self.labels.entries(),
            self.lemmas.words.len(),
        ]
    }

    /// Analyses one sentence given as its words, writing the result to `out` (whose
    /// memory is reused). Words are taken as they are, punctuation included where the
    /// caller has it: the parser was trained on UD tokenisation, where "don't" is "do"
    /// and "n't" and "Putin's" is "Putin" and "'s".
    pub fn parse_into<'p, S: AsRef<str>>(&'p self, words: &[S], out: &mut Parse<'p>) {
        let n = words.len();
        self.tag_into(words, out);
        out.lemmas.clear();
        out.lemma_ends.clear();
        out.tokens.clear();
        for (i, w) in words.iter().enumerate() {
            let t = usize::from(out.tag_ids[i]);
            let start = if i == 0 {
                0
            } else {
                out.lower_ends[i - 1] as usize
            };
            let lower = &out.lowers[start..out.lower_ends[i] as usize];
            self.lemmas.lemma(w.as_ref(), lower, t, &mut out.lemmas);
            out.lemma_ends.push(out.lemmas.len() as u32);
            out.tokens.push(out.lex[i].lower, t as u64);
        }
        out.tokens.close();
        let models = parser::Models {
            moves: &self.moves,
            labels: &self.labels,
            allowed: &self.allowed,
        };
        parser::parse(
            &models,
            &out.tokens,
            &mut out.state,
            &mut out.feats,
            &mut out.scores,
        );
        out.heads.clear();
        out.rels.clear();
        for d in 1..=n {
            let h = out.state.heads[d];
            debug_assert_ne!(h, NONE);
            out.heads.push(h);
            out.rels
                .push(Deprel::from_index(usize::from(out.state.labels[d])).unwrap_or(Deprel::Dep));
        }
    }

    /// Tags one sentence given as its words, without lemmas or a tree
    /// ([`PosTagger::tag_into`]).
    pub fn tag_into<'p, S: AsRef<str>>(&'p self, words: &[S], out: &mut Parse<'p>) {
        self.pos.tag_into(words, out);
    }

    /// Analyses one sentence into a new [`Parse`].
    pub fn parse<S: AsRef<str>>(&self, words: &[S]) -> Parse<'_> {
        let mut p = Parse::new();
        self.parse_into(words, &mut p);
        p
    }

    /// The model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        put_varint(&mut out, self.pos.tags.len() as u64);
        for t in &self.pos.tags {
            out.push(t.upos as u8);
            put_str(&mut out, &t.xpos);
        }
        self.lemmas.write(&mut out);
        self.pos.tagger.write(&mut out);
        self.pos.lexicon.write(&mut out);
        let allowed: Vec<u8> = self.allowed.iter().map(|&a| u8::from(a)).collect();
        put_varint(&mut out, allowed.len() as u64);
        out.extend_from_slice(&allowed);
        self.moves.write(&mut out);
        self.labels.write(&mut out);
        out
    }

    /// Reads a model file, or says what is wrong with it.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, String> {
        let (pos, lemmas, mut r) = read_head(bytes)?;
        let n = r.count(CLASSES, "transition count")?;
        if n != CLASSES {
            return Err(format!("{n} transitions, this version has {CLASSES}"));
        }
        let allowed: Vec<bool> = r.take(n)?.iter().map(|&b| b != 0).collect();
        let moves = Dense::read(&mut r)?;
        let labels = Weights::read(&mut r)?;
        if labels.classes() != Deprel::ALL.len() {
            return Err("the relation model's classes are not the relations".into());
        }
        r.finish()?;
        Ok(Parser {
            pos,
            lemmas,
            moves,
            labels,
            allowed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_reads_back_and_parses_a_report() {
        let p = Parser::embedded();
        assert!(
            p.to_bytes() == EMBEDDED,
            "the model file reads back as itself"
        );
        let words = "The minister said that the cell was preparing an attack .";
        let words: Vec<&str> = words.split(' ').collect();
        let a = p.parse(&words);
        assert_eq!(a.len(), words.len());
        // said is the root, the minister its subject, preparing its clausal complement
        assert_eq!(a.head(2), None);
        assert_eq!(a.deprel(2), Deprel::Root);
        assert_eq!((a.head(1), a.deprel(1)), (Some(2), Deprel::Nsubj));
        assert_eq!((a.head(7), a.deprel(7)), (Some(2), Deprel::Ccomp));
        assert_eq!((a.head(5), a.deprel(5)), (Some(7), Deprel::Nsubj));
        assert_eq!(a.dependents(7).collect::<Vec<_>>(), vec![3, 5, 6, 9]);
        assert_eq!(
            (a.upos(1), a.xpos(2), a.lemma(2)),
            (Upos::Noun, "VBD", "say")
        );
        assert_eq!(a.lemma(6), "be");
        // an empty sentence is an empty analysis
        assert!(p.parse::<&str>(&[]).is_empty());
    }

    #[test]
    fn the_tagger_alone_tags_as_the_parser_does() {
        let words: Vec<&str> = "Officials told reporters the dam was breached , they said ."
            .split(' ')
            .collect();
        let full = Parser::embedded().parse(&words);
        let mut tags = Parse::new();
        PosTagger::embedded().tag_into(&words, &mut tags);
        assert_eq!(tags.len(), words.len());
        for i in 0..words.len() {
            assert_eq!((tags.upos(i), tags.xpos(i)), (full.upos(i), full.xpos(i)));
        }
        assert_eq!(tags.upos(1), Upos::Verb);
        // a second sentence reuses the buffers and leaves no tree behind
        PosTagger::embedded().tag_into(&words[..3], &mut tags);
        assert_eq!(tags.len(), 3);
        assert!(tags.heads.is_empty() && tags.lemma_ends.is_empty());
    }
}
