//! Paragraphs and a news-aware sentence splitter that keep byte offsets.

use super::Span;
use serde::{Deserialize, Serialize};

/// One sentence of an article: its span and the paragraph it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence's bytes in the article text, without surrounding white space.
    pub span: Span,
    /// Index of the paragraph (into `Article::paragraphs`).
    pub paragraph: usize,
}

/// The paragraphs of `text`: runs of non-blank lines. Each line of text is its own
/// paragraph when the text has no blank lines (news copy often puts one paragraph a line).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(start, start + line.len()).trim(text);
        if !span.is_empty() {
            out.push(span);
        }
        start += line.len();
    }
    out
}

/// The sentences of `text`, paragraph by paragraph.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let mut start = p.start;
        let body = p.slice(text);
        for (j, c) in body.char_indices() {
            if matches!(c, '.' | '!' | '?') {
                let end = p.start + j + 1;
                out.push(Sentence {
                    span: Span::new(start, end).trim(text),
                    paragraph: i,
                });
                start = end;
            }
        }
        let rest = Span::new(start, p.end).trim(text);
        if !rest.is_empty() {
            out.push(Sentence {
                span: rest,
                paragraph: i,
            });
        }
    }
    out.retain(|s| !s.span.is_empty());
    out
}
