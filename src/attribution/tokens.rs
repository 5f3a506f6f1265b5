//! The tokens of a sentence as the extraction rules see them: words and marks.

use super::cover::Cover;
use crate::text::tokens::words;
use crate::text::Span;

/// A word or a punctuation mark of a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub span: Span,
    pub text: &'a str,
    pub lower: String,
    pub word: bool,
    /// Inside a quotation.
    pub quoted: bool,
}

impl Tok<'_> {
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

/// The tokens of `text` within `span`, with what is quoted noted from `quotes`: a word
/// inside a quotation (marks included), a mark strictly inside one.
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
                    lower: c.to_string(),
                    word: false,
                    quoted: false,
                });
            }
        }
    };
    for w in ws {
        push_marks(pos, w.span.start, &mut out);
        out.push(Tok {
            span: w.span,
            text: w.text,
            lower: w.text.to_lowercase().replace('’', "'"),
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
