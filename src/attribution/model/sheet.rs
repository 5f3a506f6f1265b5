//! The token sheet: the article's token stream with the facts the taggers' features read
//! (hashed word forms, shape, quotation state, sentence and paragraph, and each word's
//! part of speech, head, relation and subtree from the parser).

use crate::attribution::cues;
use crate::corpus::Article;
use crate::parse::{Deprel, Parse, Parser};
use crate::text::quotes::is_quote_mark;
use crate::text::{Span, Token, TokenStream};

/// Hashes bytes with 64-bit FNV-1a; feature parts are combined with [`mix`].
pub fn hash(bytes: &[u8]) -> u64 {
    crate::text::fnv1a(bytes)
}

/// Combines two hashes into one; the order of the arguments matters.
pub fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 31)
}

/// The kind of mark a token is, when it is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Not a mark: a word or number.
    None,
    /// A quotation mark ([`is_quote_mark`]: double marks, straight or curly, and `''`).
    Quote,
    /// A comma.
    Comma,
    /// A colon.
    Colon,
    /// A full stop, question or exclamation mark.
    Stop,
    /// Any other mark (dash, parenthesis, ...).
    Other,
}

/// One token of the sheet.
#[derive(Clone, Debug)]
pub struct Tok {
    /// Bytes of the token in the article text.
    pub span: Span,
    /// Hash of the lower-cased form.
    pub lower: u64,
    /// Hash of the stem of the lower-cased form.
    pub stem: u64,
    /// Hash of the last three characters.
    pub suffix: u64,
    /// Hash of the word shape (`Xx`, `x`, `d`, `X`, or the mark itself).
    pub shape: u64,
    /// Lexicon class: 0 when the word is not a cue of the lexicon, else one plus the stance.
    pub lex: u8,
    /// The kind of mark.
    pub mark: Mark,
    /// True when the token lies inside a quotation (the opening and closing marks
    /// themselves are not).
    pub in_quote: bool,
    /// True when the word starts with a capital letter.
    pub cap: bool,
    /// The universal part of speech the parser's tagger gives the token in its sentence
    /// ([`crate::parse::Upos`] as a number).
    pub upos: u8,
    /// The token's head in the parser's tree of its sentence, as an index into
    /// [`Sheet::toks`]; [`NO_HEAD`] for the sentence's root.
    pub head: u32,
    /// The token's relation to its head ([`Deprel`] as a number).
    pub rel: u8,
    /// Which relations the token's own dependents bear to it ([`kid_bit`]).
    pub kids: u8,
    /// The first and the last token of the token's subtree, as indices into
    /// [`Sheet::toks`].
    pub subtree: (u32, u32),
    /// Index of the sentence in the article.
    pub sentence: u32,
    /// Index of the paragraph in the article.
    pub paragraph: u32,
}

/// [`Tok::head`] of a sentence's root.
pub const NO_HEAD: u32 = u32::MAX;

/// The bit of [`Tok::kids`] a dependent's relation sets: clausal complements, subjects,
/// objects, parataxis, oblique phrases, passive agents, open complements and markers
/// each have one; other relations none.
pub fn kid_bit(rel: Deprel) -> u8 {
    match rel.universal() {
        Deprel::Ccomp => 1,
        Deprel::Nsubj | Deprel::Csubj => 2,
        Deprel::Obj | Deprel::Iobj => 4,
        Deprel::Parataxis => 8,
        Deprel::Obl => {
            if rel == Deprel::OblAgent {
                16
            } else {
                32
            }
        }
        Deprel::Xcomp => 64,
        Deprel::Mark => 128,
        _ => 0,
    }
}

/// An article's tokens, with the token ranges of its sentences and paragraphs.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    /// The tokens in text order.
    pub toks: Vec<Tok>,
    /// Token range `[start, end)` of each sentence that has tokens.
    pub sentences: Vec<(usize, usize)>,
    /// Token range `[start, end)` of each paragraph, indexed like `Article::paragraphs`.
    pub paragraphs: Vec<(usize, usize)>,
}

/// Hashes that stand for a position outside the sequence.
pub const BEFORE: u64 = 0x5354_4152_5400_0001;
/// See [`BEFORE`].
pub const AFTER: u64 = 0x454E_4400_0000_0002;

fn shape_of(word: &str) -> &'static str {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return "";
    };
    if first.is_numeric() {
        "d"
    } else if first.is_uppercase() {
        if word.chars().skip(1).all(|c| c.is_uppercase()) && word.chars().count() > 1 {
            "X"
        } else {
            "Xx"
        }
    } else {
        "x"
    }
}

impl Sheet {
    /// The sheet of `article`, one entry for each token of its token stream
    /// ([`Article::tokens`]): the stream's hashed forms and quotation state, with the
    /// suffix, shape and lexicon class the taggers read besides.
    pub fn new(article: &Article) -> Sheet {
        let text = article.text.as_str();
        let stream = article.tokens();
        let mut sheet = Sheet {
            toks: Vec::with_capacity(stream.tokens().len()),
            sentences: Vec::with_capacity(stream.sentence_count()),
            paragraphs: vec![(0, 0); article.paragraphs.len()],
        };
        let mut para_start: Vec<Option<usize>> = vec![None; article.paragraphs.len()];
        let parser = Parser::embedded();
        let mut parse = Parse::new();
        let mut words: Vec<&str> = Vec::new();
        for si in 0..stream.sentence_count() {
            let (start, toks) = stream.sentence(si);
            words.clear();
            words.extend(toks.iter().map(|t| t.span.slice(text)));
            sheet
                .toks
                .extend(toks.iter().map(|t| Self::tok(text, stream, t)));
            let end = start + toks.len();
            parser.parse_into(&words, &mut parse);
            sheet.add_parse(&parse, start);
            if end > start {
                sheet.sentences.push((start, end));
                let p = toks[0].paragraph as usize;
                if let Some(slot) = para_start.get_mut(p) {
                    let first = *slot.get_or_insert(start);
                    sheet.paragraphs[p] = (first, end);
                }
            }
        }
        sheet
    }

    /// Sets the parts of speech, heads, relations, dependents' relations and subtrees of
    /// the sentence whose first token is `start` from its parse, in time linear in the
    /// sentence: each word's depth is found once, then subtrees grow from the deepest words
    /// up.
    fn add_parse(&mut self, parse: &Parse, start: usize) {
        let n = parse.len();
        for k in 0..n {
            let t = &mut self.toks[start + k];
            t.upos = parse.upos(k) as u8;
            t.head = parse.head(k).map_or(NO_HEAD, |h| (start + h) as u32);
            t.rel = parse.deprel(k) as u8;
            t.subtree = ((start + k) as u32, (start + k) as u32);
        }
        // depths: walk up to a word whose depth is known, then set the path's on the way
        // back (a tree has no cycle; a walk longer than the sentence stops all the same)
        let mut depth: Vec<u32> = vec![u32::MAX; n];
        let mut path: Vec<usize> = Vec::new();
        for k in 0..n {
            let mut node = Some(k);
            path.clear();
            while let Some(x) = node {
                if depth[x] != u32::MAX || path.len() > n {
                    break;
                }
                path.push(x);
                node = parse.head(x);
            }
            let mut d = node.map_or(0, |x| depth[x].saturating_add(1));
            for &x in path.iter().rev() {
                depth[x] = d;
                d = d.saturating_add(1);
            }
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_unstable_by_key(|&k| std::cmp::Reverse(depth[k]));
        for k in order {
            if let Some(h) = parse.head(k) {
                let (lo, hi) = self.toks[start + k].subtree;
                let head = &mut self.toks[start + h];
                head.kids |= kid_bit(parse.deprel(k));
                head.subtree = (head.subtree.0.min(lo), head.subtree.1.max(hi));
            }
        }
    }

    fn tok(text: &str, stream: &TokenStream, t: &Token) -> Tok {
        let word = t.span.slice(text);
        let lower = stream.lower(t);
        let first = word.chars().next().unwrap_or(' ');
        let mark = if t.word {
            Mark::None
        } else if is_quote_mark(text, t.span) {
            Mark::Quote
        } else {
            match first {
                ',' => Mark::Comma,
                ':' => Mark::Colon,
                '.' | '?' | '!' => Mark::Stop,
                _ => Mark::Other,
            }
        };
        // the last three characters
        let suffix = lower
            .char_indices()
            .rev()
            .nth(2)
            .map_or(lower, |(i, _)| &lower[i..]);
        let (shape, lex) = if t.word {
            (
                hash(shape_of(word).as_bytes()),
                cues::lookup_lower(lower).map_or(0, |c| c.stance as u8 + 1),
            )
        } else {
            (t.lower_hash, 0)
        };
        Tok {
            span: t.span,
            lower: t.lower_hash,
            stem: t.stem_hash,
            suffix: hash(suffix.as_bytes()),
            shape,
            lex,
            mark,
            in_quote: t.quoted,
            cap: first.is_uppercase(),
            upos: 0,
            head: NO_HEAD,
            rel: Deprel::Root as u8,
            kids: 0,
            subtree: (0, 0),
            sentence: t.sentence,
            paragraph: t.paragraph,
        }
    }

    /// The token at `i`, or the edge hash ([`BEFORE`] or [`AFTER`]) when `i` lies outside
    /// `[lo, hi)`.
    fn at(&self, i: isize, lo: usize, hi: usize) -> Result<&Tok, u64> {
        if i < lo as isize {
            Err(BEFORE)
        } else if i >= hi as isize {
            Err(AFTER)
        } else {
            Ok(&self.toks[i as usize])
        }
    }

    /// Hash of the lower-cased word at `i`, or the edge hashes outside `[lo, hi)`.
    pub fn lower_at(&self, i: isize, lo: usize, hi: usize) -> u64 {
        self.at(i, lo, hi).map_or_else(|edge| edge, |t| t.lower)
    }

    /// Like [`Sheet::lower_at`] for the stem.
    pub fn stem_at(&self, i: isize, lo: usize, hi: usize) -> u64 {
        self.at(i, lo, hi).map_or_else(|edge| edge, |t| t.stem)
    }

    /// Like [`Sheet::lower_at`] for the shape.
    pub fn shape_at(&self, i: isize, lo: usize, hi: usize) -> u64 {
        self.at(i, lo, hi).map_or_else(|edge| edge, |t| t.shape)
    }

    /// The part of speech at `i` (as a number), or 99 outside `[lo, hi)`.
    pub fn upos_at(&self, i: isize, lo: usize, hi: usize) -> u64 {
        self.at(i, lo, hi).map_or(99, |t| u64::from(t.upos))
    }

    /// The lexicon class at `i` (as a number), or 99 outside `[lo, hi)`.
    pub fn lex_at(&self, i: isize, lo: usize, hi: usize) -> u64 {
        self.at(i, lo, hi).map_or(99, |t| u64::from(t.lex))
    }

    /// Index into [`Sheet::sentences`] of the article sentence `sentence` (sentences
    /// without tokens have no entry, so the indices may differ).
    pub fn sentence_index(&self, sentence: u32) -> usize {
        self.sentences
            .partition_point(|&(a, _)| self.toks[a].sentence < sentence)
            .min(self.sentences.len().saturating_sub(1))
    }
}

#[cfg(test)]
impl Sheet {
    /// The index of the first token that is `word` in `text`, the sheet's article text.
    pub(crate) fn word_at(&self, text: &str, word: &str) -> usize {
        self.toks
            .iter()
            .position(|t| t.span.slice(text) == word)
            .unwrap_or_else(|| panic!("no token {word:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_byte_spans_and_quote_state() {
        let a = Article::new(
            "t",
            "He said “we won’t go,” and left.\n\nNext ''one,'' he said ‘so’.",
        );
        let s = Sheet::new(&a);
        let words: Vec<&str> = s.toks.iter().map(|t| t.span.slice(&a.text)).collect();
        assert_eq!(
            words,
            [
                "He", "said", "“", "we", "won’t", "go", ",", "”", "and", "left", ".", "Next", "'",
                "'", "one", ",", "'", "'", "he", "said", "‘", "so", "’", "."
            ]
        );
        let inq: Vec<bool> = s.toks.iter().map(|t| t.in_quote).collect();
        assert!(!inq[1] && !inq[2] && inq[3] && inq[4] && inq[6] && !inq[7] && !inq[8]);
        assert_eq!(s.paragraphs, vec![(0, 11), (11, 24)]);
        // '' opens and closes a quotation like ", and its marks are quotation marks
        assert!(s.toks[14].in_quote && s.toks[15].in_quote && !s.toks[18].in_quote);
        assert_eq!(s.toks[12].mark, Mark::Quote);
        // single curly quotes are not quotation marks
        assert_eq!(s.toks[20].mark, Mark::Other);
        assert!(!s.toks[21].in_quote);
        assert_eq!(
            s.toks[1].lex,
            cues::lookup("said").unwrap().stance as u8 + 1
        );
    }

    #[test]
    fn each_sentence_carries_its_tree() {
        let a = Article::new("t", "The minister said the bridge was safe. It rained.");
        let s = Sheet::new(&a);
        let at = |w| s.word_at(&a.text, w);
        let (said, safe, bridge) = (at("said"), at("safe"), at("bridge"));
        // "said" is the root; its subject and its clausal complement hang from it
        assert_eq!(s.toks[said].head, NO_HEAD);
        assert_eq!(s.toks[at("minister")].head as usize, said);
        assert_eq!(s.toks[safe].head as usize, said);
        assert_eq!(s.toks[safe].rel, Deprel::Ccomp as u8);
        assert_eq!(s.toks[said].kids & (1 | 2), 1 | 2);
        // the complement's subtree is "the bridge was safe", the root's the sentence
        assert_eq!(s.toks[safe].subtree, (at("the") as u32, safe as u32));
        assert_eq!(s.toks[bridge].subtree, (bridge as u32 - 1, bridge as u32));
        assert_eq!(s.toks[said].subtree, (0, 7));
        // the second sentence's tree stays inside it
        let rained = at("rained");
        assert_eq!(s.toks[rained].head, NO_HEAD);
        assert_eq!(s.toks[rained].subtree, (8, 10));
    }
}
