//! The tokens of a sentence as the extraction rules see them: words and marks, viewed from
//! the article's token stream ([`crate::text::TokenStream`]).

use crate::text::cover::Cover;
use crate::text::tokens::{lower_into, words};
use crate::text::{Span, Token, TokenStream};
use std::borrow::Cow;

/// A word or a punctuation mark of a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub span: Span,
    pub text: &'a str,
    /// Lower case, a curly apostrophe written straight: borrowed from the token stream.
    pub lower: Cow<'a, str>,
    pub word: bool,
    /// Inside a quotation.
    pub quoted: bool,
}

impl<'a> Tok<'a> {
    /// The rules' view of a token of `stream`, a stream of `text`.
    pub fn of(text: &'a str, stream: &'a TokenStream, t: &Token) -> Tok<'a> {
        Tok {
            span: t.span,
            text: t.span.slice(text),
            lower: Cow::Borrowed(stream.lower(t)),
            word: t.word,
            quoted: t.quoted,
        }
    }

    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }

    pub fn capitalised(&self) -> bool {
        self.word && self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }

    pub fn is_mark(&self, marks: &[char]) -> bool {
        !self.word && self.text.chars().next().is_some_and(|c| marks.contains(&c))
    }
}

/// The tokens of sentence `si` of the stream, as the rules see them. With `quoted` false,
/// no token is marked quoted.
pub(crate) fn sentence_toks<'a>(
    text: &'a str,
    stream: &'a TokenStream,
    si: usize,
    quoted: bool,
) -> Vec<Tok<'a>> {
    stream
        .sentence(si)
        .1
        .iter()
        .map(|t| {
            let mut tok = Tok::of(text, stream, t);
            tok.quoted &= quoted;
            tok
        })
        .collect()
}

/// The tokens of `text` within `span`, any span (not only a sentence), with what is quoted
/// noted from `quotes`: a word inside a quotation (marks included), a mark strictly inside
/// one. Lower-case forms that differ from the text are made here.
pub(crate) fn tokenize<'a>(text: &'a str, span: Span, quotes: &Cover) -> Vec<Tok<'a>> {
    let ws = words(text, span);
    let mut out = Vec::with_capacity(ws.len() * 2);
    let mut pos = span.start;
    let push_marks = |from: usize, to: usize, out: &mut Vec<Tok<'a>>| {
        let gap = Span::new(from, to);
        for (i, c) in gap.slice(text).char_indices() {
            if !c.is_whitespace() {
                let s = Span::new(from + i, from + i + c.len_utf8());
                out.push(Tok {
                    span: s,
                    text: s.slice(text),
                    lower: Cow::Borrowed(s.slice(text)),
                    word: false,
                    quoted: false,
                });
            }
        }
    };
    for w in ws {
        push_marks(pos, w.span.start, &mut out);
        let lower = if w
            .text
            .bytes()
            .all(|b| !b.is_ascii_uppercase() && b.is_ascii())
        {
            Cow::Borrowed(w.text)
        } else {
            let mut l = String::new();
            lower_into(w.text, &mut l);
            Cow::Owned(l)
        };
        out.push(Tok {
            span: w.span,
            text: w.text,
            lower,
            word: true,
            quoted: false,
        });
        pos = w.span.end;
    }
    push_marks(pos, span.end, &mut out);
    for t in &mut out {
        t.quoted = if t.word {
            quotes.contains(t.span)
        } else {
            quotes.strictly_contains(t.span)
        };
    }
    out
}
