//! Byte spans into an article's text.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A `start..end` range of UTF-8 byte offsets into an article's text (end-exclusive).
///
/// Every claim, attribution and relation points back to the text through spans, so that
/// nothing appears in a report without its evidence.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The text the span covers; empty when the span does not fall on character
    /// boundaries inside `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span shrunk so that it neither starts nor ends with white space or any of the
    /// characters in `extra`.
    pub fn trim_with(&self, text: &str, extra: &[char]) -> Span {
        let s = self.slice(text);
        let is_trim = |c: char| c.is_whitespace() || extra.contains(&c);
        let lead = s.len() - s.trim_start_matches(is_trim).len();
        let rest = &s[lead..];
        let kept = rest.trim_end_matches(is_trim).len();
        Span::new(self.start + lead, self.start + lead + kept)
    }

    /// The span shrunk so that it neither starts nor ends with white space.
    pub fn trim(&self, text: &str) -> Span {
        self.trim_with(text, &[])
    }

    /// The span moved right by `offset` bytes.
    pub fn shift(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Line and column (both 1-based, column counted in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut line = 1;
    let mut line_start = 0;
    for (i, b) in text.as_bytes()[..offset].iter().enumerate() {
        if *b == b'\n' {
            line += 1;
            line_start = i + 1;
        }
    }
    let col = String::from_utf8_lossy(&text.as_bytes()[line_start..offset])
        .chars()
        .count()
        + 1;
    (line, col)
}

/// The starts of the lines of a text, to give the line and column of many offsets without
/// going over the text from its start for each.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Where each line starts.
    starts: Vec<usize>,
    /// How many characters come before each block of [`LineIndex::BLOCK`] bytes.
    blocks: Vec<usize>,
}

impl LineIndex {
    /// The size of the blocks over which characters are counted ahead.
    const BLOCK: usize = 256;

    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut blocks = Vec::with_capacity(bytes.len() / Self::BLOCK + 1);
        let mut chars = 0;
        for block in bytes.chunks(Self::BLOCK) {
            blocks.push(chars);
            chars += block.iter().filter(|b| **b & 0xC0 != 0x80).count();
        }
        blocks.push(chars);
        LineIndex { starts, blocks }
    }

    /// The characters of `text` (the text indexed) before byte `at`, a character boundary.
    fn chars_before(&self, text: &str, at: usize) -> usize {
        let b = at / Self::BLOCK;
        self.blocks[b]
            + text.as_bytes()[b * Self::BLOCK..at]
                .iter()
                .filter(|c| **c & 0xC0 != 0x80)
                .count()
    }

    /// Line and column of `offset` in `text` (the text indexed), as [`line_col`] gives them.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let line_start = self.starts[line - 1];
        let col = if text.is_char_boundary(offset) {
            self.chars_before(text, offset) - self.chars_before(text, line_start)
        } else {
            String::from_utf8_lossy(&text.as_bytes()[line_start..offset])
                .chars()
                .count()
        };
        (line, col + 1)
    }
}

/// Line and column (1-based) of a byte offset in raw bytes that may not be valid UTF-8;
/// the column counts bytes.
pub fn line_col_bytes(bytes: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    (line, offset - line_start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_and_slice() {
        let t = "  “hello, world.”  ";
        let s = Span::new(0, t.len()).trim_with(t, &['“', '”', '.']);
        assert_eq!(s.slice(t), "hello, world");
    }

    #[test]
    fn slice_off_boundary_is_empty() {
        let t = "é";
        assert_eq!(Span::new(1, 2).slice(t), "");
    }

    #[test]
    fn line_and_column() {
        let t = "ab\ncdé\nx";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 4), (2, 2));
        assert_eq!(line_col(t, 7), (2, 4));
        assert_eq!(line_col(t, 8), (3, 1));
        assert_eq!(line_col_bytes(b"a\n\xffb", 2), (2, 1));
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let line = "ab\ncdé\n\nx—y «z» ";
        let t = line.repeat(40);
        let index = LineIndex::new(&t);
        for off in 0..=t.len() + 2 {
            assert_eq!(index.line_col(&t, off), line_col(&t, off), "{off}");
        }
        assert_eq!(LineIndex::new("").line_col("", 0), (1, 1));
    }
}
