//! The token sheet: an article cut into word and mark tokens with the facts the taggers'
//! features read (hashed word forms, shape, quotation state, sentence and paragraph).

use crate::attribution::cues;
use crate::corpus::Article;
use crate::text::{tokens::stem, Span};

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
    /// An opening or closing quotation mark (straight or curly, double or single).
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
    /// True when the token lies inside a quotation (quote marks themselves are not).
    pub in_quote: bool,
    /// True when the word starts with a capital letter.
    pub cap: bool,
    /// Index of the sentence in the article.
    pub sentence: u32,
    /// Index of the paragraph in the article.
    pub paragraph: u32,
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

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»')
}

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
    /// Cuts `article` into tokens: runs of letters, digits and `_`, and every other
    /// character that is not white space as a token of its own.
    pub fn new(article: &Article) -> Sheet {
        let text = article.text.as_str();
        let mut sheet = Sheet {
            toks: Vec::with_capacity(text.len() / 5),
            sentences: Vec::with_capacity(article.sentences.len()),
            paragraphs: vec![(0, 0); article.paragraphs.len()],
        };
        let mut para_start: Vec<Option<usize>> = vec![None; article.paragraphs.len()];
        for (si, s) in article.sentences.iter().enumerate() {
            let start = sheet.toks.len();
            let body = s.span.slice(text);
            let mut iter = body.char_indices().peekable();
            while let Some((i, c)) = iter.next() {
                if c.is_whitespace() {
                    continue;
                }
                let mut end = i + c.len_utf8();
                if is_word_char(c) {
                    while let Some(&(j, d)) = iter.peek() {
                        if !is_word_char(d) {
                            break;
                        }
                        end = j + d.len_utf8();
                        iter.next();
                    }
                }
                let span = Span::new(s.span.start + i, s.span.start + end);
                sheet
                    .toks
                    .push(Self::tok(span.slice(text), span, si, s.paragraph));
            }
            let end = sheet.toks.len();
            if end > start {
                sheet.sentences.push((start, end));
                let p = s.paragraph;
                if let Some(slot) = para_start.get_mut(p) {
                    let first = *slot.get_or_insert(start);
                    sheet.paragraphs[p] = (first, end);
                }
            }
        }
        sheet.mark_quotes(text);
        sheet
    }

    fn tok(word: &str, span: Span, sentence: usize, paragraph: usize) -> Tok {
        let lower = word.to_lowercase();
        let first = word.chars().next().unwrap_or(' ');
        let mark = if is_word_char(first) {
            Mark::None
        } else if is_quote(first) {
            Mark::Quote
        } else {
            match first {
                ',' => Mark::Comma,
                ':' => Mark::Colon,
                '.' | '?' | '!' => Mark::Stop,
                _ => Mark::Other,
            }
        };
        let suffix: String = {
            let n = lower.chars().count();
            lower.chars().skip(n.saturating_sub(3)).collect()
        };
        let (stem_h, shape) = if mark == Mark::None {
            (hash(stem(&lower).as_bytes()), shape_of(word))
        } else {
            (hash(lower.as_bytes()), "")
        };
        let lex = if mark == Mark::None {
            cues::lookup(&lower).map_or(0, |c| c.stance as u8 + 1)
        } else {
            0
        };
        Tok {
            span,
            lower: hash(lower.as_bytes()),
            stem: stem_h,
            suffix: hash(suffix.as_bytes()),
            shape: if shape.is_empty() {
                hash(lower.as_bytes())
            } else {
                hash(shape.as_bytes())
            },
            lex,
            mark,
            in_quote: false,
            cap: first.is_uppercase(),
            sentence: sentence as u32,
            paragraph: paragraph as u32,
        }
    }

    /// Marks the tokens inside quotations, paragraph by paragraph. Curly marks open and
    /// close; a straight double mark toggles. Single marks count only when they stand
    /// at a word edge as an opening mark followed later by a closing one, so apostrophes
    /// ("don't", "Putin’s") are left alone.
    fn mark_quotes(&mut self, text: &str) {
        for &(a, b) in &self.paragraphs {
            let mut open = false;
            for i in a..b {
                let t = &self.toks[i];
                if t.mark != Mark::Quote {
                    self.toks[i].in_quote = open;
                    continue;
                }
                let c = t.span.slice(text).chars().next().unwrap_or(' ');
                let glued_left = i > a && self.toks[i - 1].span.end == t.span.start;
                // two straight single marks in a row ('') stand for a double mark
                let doubled = |k: usize| {
                    k + 1 < b
                        && text.as_bytes().get(self.toks[k].span.start) == Some(&b'\'')
                        && self.toks[k + 1].span.slice(text) == "'"
                        && self.toks[k + 1].span.start == self.toks[k].span.end
                };
                if c == '\'' && i > a && doubled(i - 1) {
                    continue;
                }
                match c {
                    '“' | '«' => open = true,
                    '”' | '»' => open = false,
                    '"' => open = !open,
                    '\'' if doubled(i) => open = !open,
                    '‘' if !glued_left => open = true,
                    _ => {}
                }
            }
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
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_byte_spans_and_quote_state() {
        let a = Article::new(
            "t",
            "He said “we won’t go,” and left.\n\nNext ''one,'' he said.",
        );
        let s = Sheet::new(&a);
        let words: Vec<&str> = s.toks.iter().map(|t| t.span.slice(&a.text)).collect();
        assert_eq!(
            words,
            [
                "He", "said", "“", "we", "won", "’", "t", "go", ",", "”", "and", "left", ".",
                "Next", "'", "'", "one", ",", "'", "'", "he", "said", "."
            ]
        );
        let inq: Vec<bool> = s.toks.iter().map(|t| t.in_quote).collect();
        assert!(!inq[1] && inq[3] && inq[6] && inq[8] && !inq[10]);
        assert_eq!(s.paragraphs, vec![(0, 13), (13, 23)]);
        // '' opens and closes a quotation like "
        assert!(s.toks[16].in_quote && s.toks[17].in_quote && !s.toks[20].in_quote);
        assert_eq!(
            s.toks[1].lex,
            cues::lookup("said").unwrap().stance as u8 + 1
        );
    }
}
