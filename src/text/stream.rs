//! The token stream of an article: its words and marks, sentence by sentence, made once
//! when the article is segmented and read by every later stage (the extraction rules, the
//! attribution tagger, claims and their keys).
//!
//! A token is a word ([`super::tokens::words`]: runs of letters and digits with inner
//! apostrophes, hyphens and the like) or a mark (any other character that is not white
//! space). Each carries its span, its lower-cased form (curly apostrophe written straight),
//! its normalised form ([`super::tokens::normalize_word`]), its stem
//! ([`super::tokens::stem`]) and their hashes, and whether it lies inside a quotation
//! ([`super::quotes`], the one definition of quotation marks). The forms are kept in one
//! string for the whole article: making the stream allocates per sentence, not per token.

use super::quotes::{quote_regions, Quotes};
use super::sentences::Sentence;
use super::tokens::{
    content_keys, is_plain, keys_of, lower_into, normalize_word_into, stem_normalized_into, words,
    KeyWord,
};
use super::{fnv1a, Span};
use std::borrow::Cow;

/// Where a form of a token lies in the stream's string of forms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Form {
    start: u32,
    end: u32,
}

/// One word or mark of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Its bytes in the article text.
    pub span: Span,
    /// True for a word, false for a mark.
    pub word: bool,
    /// True when it lies inside a quotation: a word inside one (its marks included), a
    /// mark strictly inside one (the opening and closing marks are not).
    pub quoted: bool,
    /// The sentence it belongs to, as an index into the article's sentences.
    pub sentence: u32,
    /// The paragraph it belongs to.
    pub paragraph: u32,
    /// Hash ([`fnv1a`]) of the lower-cased form.
    pub lower_hash: u64,
    /// Hash ([`fnv1a`]) of the stem (of the form itself for a mark).
    pub stem_hash: u64,
    lower: Form,
    norm: Form,
    stem: Form,
}

/// The tokens of an article, with its quotations and the tokens of each sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenStream {
    tokens: Vec<Token>,
    /// The forms of every token, one after another.
    forms: String,
    /// Token range `[start, end)` of each sentence of the article.
    sentences: Vec<(u32, u32)>,
    /// The span of each sentence.
    sentence_spans: Vec<Span>,
    /// The article's quotations, paragraph by paragraph.
    quotes: Quotes,
}

impl TokenStream {
    /// The stream of `text`, segmented into `paragraphs` and `sentences`.
    pub fn new(text: &str, paragraphs: &[Span], sentences: &[Sentence]) -> TokenStream {
        let regions: Vec<Vec<Span>> = paragraphs.iter().map(|p| quote_regions(text, *p)).collect();
        let quotes = Quotes::new(text, paragraphs, regions);
        let mut stream = TokenStream {
            tokens: Vec::with_capacity(text.len() / 4),
            forms: String::with_capacity(text.len() + text.len() / 4),
            sentences: Vec::with_capacity(sentences.len()),
            sentence_spans: sentences.iter().map(|s| s.span).collect(),
            quotes,
        };
        let mut scratch = Scratch::default();
        for (si, s) in sentences.iter().enumerate() {
            let start = stream.tokens.len() as u32;
            stream.push_sentence(text, si, s, &mut scratch);
            stream.sentences.push((start, stream.tokens.len() as u32));
        }
        stream
    }

    fn push_sentence(&mut self, text: &str, si: usize, s: &Sentence, scratch: &mut Scratch) {
        let span = s.span;
        let mut pos = span.start;
        for w in words(text, span) {
            self.push_marks(text, si, s.paragraph, pos, w.span.start);
            self.push_word(si, s.paragraph, w.span, w.text, scratch);
            pos = w.span.end;
        }
        self.push_marks(text, si, s.paragraph, pos, span.end);
    }

    fn push_marks(&mut self, text: &str, si: usize, para: usize, from: usize, to: usize) {
        let gap = Span::new(from, to).slice(text);
        for (i, c) in gap.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let span = Span::new(from + i, from + i + c.len_utf8());
            let form = self.push_form(span.slice(text));
            let h = fnv1a(span.slice(text).as_bytes());
            let quoted = self
                .quotes
                .cover
                .get(para)
                .is_some_and(|c| c.strictly_contains(span));
            self.tokens.push(Token {
                span,
                word: false,
                quoted,
                sentence: si as u32,
                paragraph: para as u32,
                lower_hash: h,
                stem_hash: h,
                lower: form,
                norm: form,
                stem: form,
            });
        }
    }

    fn push_word(&mut self, si: usize, para: usize, span: Span, word: &str, sc: &mut Scratch) {
        let (lower, norm, stem);
        if is_plain(word) {
            lower = self.push_form(word);
            norm = lower;
            sc.norm.clear();
            sc.norm.push_str(word);
        } else {
            lower_into(word, &mut sc.lower);
            lower = self.push_form(&sc.lower);
            normalize_word_into(word, &mut sc.norm);
            norm = self.push_or_same(lower, &sc.norm);
        }
        // the stem of a normalised word, as the content keys take it
        normalize_word_into(&sc.norm, &mut sc.renorm);
        stem_normalized_into(&sc.renorm, &mut sc.stem);
        stem = self.push_or_same(norm, &sc.stem);
        let quoted = self
            .quotes
            .cover
            .get(para)
            .is_some_and(|c| c.contains(span));
        self.tokens.push(Token {
            span,
            word: true,
            quoted,
            sentence: si as u32,
            paragraph: para as u32,
            lower_hash: fnv1a(self.form(lower).as_bytes()),
            stem_hash: fnv1a(self.form(stem).as_bytes()),
            lower,
            norm,
            stem,
        });
    }

    /// Appends `s` to the forms, or gives `same` again when it holds `s` already.
    fn push_or_same(&mut self, same: Form, s: &str) -> Form {
        if self.form(same) == s {
            same
        } else {
            self.push_form(s)
        }
    }

    fn push_form(&mut self, s: &str) -> Form {
        let start = self.forms.len() as u32;
        self.forms.push_str(s);
        Form {
            start,
            end: self.forms.len() as u32,
        }
    }

    fn form(&self, f: Form) -> &str {
        &self.forms[f.start as usize..f.end as usize]
    }

    /// Every token, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The index of the first token of sentence `si` and the tokens of that sentence
    /// (none for a sentence out of range).
    pub fn sentence(&self, si: usize) -> (usize, &[Token]) {
        let (a, b) = self.sentences.get(si).copied().unwrap_or((0, 0));
        (a as usize, &self.tokens[a as usize..b as usize])
    }

    /// The number of sentences.
    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    /// The tokens that lie wholly inside `span`, as a range of indices (found by binary
    /// search).
    pub fn range_within(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = a + self.tokens[a..].partition_point(|t| t.span.end <= span.end);
        a..b
    }

    /// The tokens that lie wholly inside `span`.
    pub fn within(&self, span: Span) -> &[Token] {
        &self.tokens[self.range_within(span)]
    }

    /// The words that lie wholly inside `span`.
    pub fn words_within(&self, span: Span) -> impl Iterator<Item = &Token> + '_ {
        self.within(span).iter().filter(|t| t.word)
    }

    /// The tokens of `span` when they are what [`words`] finds in the text of `span` alone
    /// (with the marks between): `span` lies within one sentence and no token straddles
    /// either of its edges. `None` otherwise.
    pub fn exactly(&self, span: Span) -> Option<&[Token]> {
        let r = self.range_within(span);
        let straddles = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| t.span.start < span.end && t.span.end > span.start)
        };
        if r.start > 0 && straddles(r.start - 1) || straddles(r.end) {
            return None;
        }
        let toks = &self.tokens[r];
        match toks.first() {
            None => Some(toks),
            Some(t) => self
                .sentence_spans
                .get(t.sentence as usize)
                .is_some_and(|s| s.contains(span))
                .then_some(toks),
        }
    }

    /// The content keys ([`content_keys`]) of `span` of `text` (the stream's text), from
    /// the stream's forms when [`TokenStream::exactly`] gives the tokens, else from the
    /// text.
    pub fn content_keys(&self, text: &str, span: Span) -> Vec<String> {
        let Some(toks) = self.exactly(span) else {
            return content_keys(text, span);
        };
        let ws: Vec<KeyWord> = toks
            .iter()
            .filter(|t| t.word)
            .map(|t| KeyWord {
                text: t.span.slice(text),
                norm: Cow::Borrowed(self.norm(t)),
                stem: Cow::Borrowed(self.stem(t)),
            })
            .collect();
        keys_of(&ws)
    }

    /// The lower-cased form of a token (a curly apostrophe written straight).
    pub fn lower(&self, t: &Token) -> &str {
        self.form(t.lower)
    }

    /// The normalised form of a token ([`super::tokens::normalize_word`]; a mark as it is).
    pub fn norm(&self, t: &Token) -> &str {
        self.form(t.norm)
    }

    /// The stem of a token's normalised form, as content keys take it (a mark as it is).
    pub fn stem(&self, t: &Token) -> &str {
        self.form(t.stem)
    }

    /// The article's quotations.
    pub fn quotes(&self) -> &Quotes {
        &self.quotes
    }
}

/// Buffers reused from word to word while a stream is made.
#[derive(Default)]
struct Scratch {
    lower: String,
    norm: String,
    renorm: String,
    stem: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::{normalize_word, stem};
    use crate::text::{paragraphs, sentences};

    fn stream(text: &str) -> TokenStream {
        let p = paragraphs(text);
        let s = sentences(text, &p);
        TokenStream::new(text, &p, &s)
    }

    #[test]
    fn words_and_marks_with_their_forms() {
        let text = "Putin’s aide said: “We won’t go.”\n\nThe U.S. Army, ''fine.''";
        let st = stream(text);
        let toks: Vec<(&str, &str, bool, bool)> = st
            .tokens()
            .iter()
            .map(|t| (t.span.slice(text), st.lower(t), t.word, t.quoted))
            .collect();
        assert_eq!(
            toks[..6],
            [
                ("Putin’s", "putin's", true, false),
                ("aide", "aide", true, false),
                ("said", "said", true, false),
                (":", ":", false, false),
                ("“", "“", false, false),
                ("We", "we", true, true),
            ]
        );
        let won = &st.tokens()[6];
        assert_eq!((won.span.slice(text), st.lower(won)), ("won’t", "won't"));
        assert!(won.quoted);
        for t in st.tokens().iter().filter(|t| t.word) {
            let w = t.span.slice(text);
            assert_eq!(st.norm(t), normalize_word(w));
            assert_eq!(st.stem(t), stem(&normalize_word(w)));
            assert_eq!(t.lower_hash, fnv1a(st.lower(t).as_bytes()));
            assert_eq!(t.stem_hash, fnv1a(st.stem(t).as_bytes()));
        }
        // the closing mark of a quotation is not inside it; a mark within it is
        let close = st
            .tokens()
            .iter()
            .find(|t| t.span.slice(text) == "”")
            .unwrap();
        assert!(!close.quoted);
        let stop = st
            .tokens()
            .iter()
            .find(|t| t.span.slice(text) == ".")
            .unwrap();
        assert!(stop.quoted);
        let fine = st
            .tokens()
            .iter()
            .find(|t| t.span.slice(text) == "fine")
            .unwrap();
        assert!(fine.quoted && fine.paragraph == 1);
    }

    #[test]
    fn sentences_and_spans_find_their_tokens() {
        let text = "One two. Three four five.";
        let st = stream(text);
        assert_eq!(st.sentence_count(), 2);
        let (first, toks) = st.sentence(1);
        assert_eq!(first, 3);
        assert_eq!(toks.len(), 4);
        let inside: Vec<&str> = st
            .words_within(Span::new(3, 19))
            .map(|t| t.span.slice(text))
            .collect();
        assert_eq!(inside, ["two", "Three", "four"]);
        assert!(st.sentence(7).1.is_empty());
    }

    #[test]
    fn content_keys_from_the_stream_are_those_of_the_text() {
        let text = "Extremists told us Great Britain planned threats. The U.S. Army’s 48-hour \
                    alert stood, officials said.";
        let st = stream(text);
        for (s, e) in [
            (0, 50),
            (0, 30),
            (3, 40),
            (51, 90),
            (55, 95),
            (0, text.len()),
        ] {
            let span = Span::new(s, e);
            if text.get(s..e).is_none() {
                continue;
            }
            assert_eq!(
                st.content_keys(text, span),
                content_keys(text, span),
                "{span:?}"
            );
        }
        assert!(st.exactly(Span::new(0, 32)).is_some());
        assert!(st.exactly(Span::new(0, 30)).is_none());
        // cuts "Britain"; cuts "Extremists"; crosses a sentence
        assert!(st.exactly(Span::new(3, 40)).is_none());
        assert!(st.exactly(Span::new(0, text.len())).is_none());
    }
}
