//! Quotation marks, defined once: which characters open and close a quotation, which parts
//! of a paragraph are quoted, and which quotations run on into the next paragraph.
//!
//! The marks are the curly double quotes `“` and `”`, the straight double quote `"`, and two
//! straight apostrophes written for one (`''`). Curly quotes pair by direction (`“` opens,
//! `”` closes a quotation opened either way); straight ones pair in order, and a straight
//! mark that stands where a closing one does (after a letter or punctuation, before white
//! space, punctuation or the end) also closes a quotation a `“` opened, as in text typed
//! with mixed marks (`“No," she said`). Single quotes
//! (`‘`, `’`, a lone `'`) and guillemets are not quotation marks here: inside a double
//! quote they are a nested quote, elsewhere mostly apostrophes. A quotation left open runs
//! to the end of the text scanned (a quote that continues in the next paragraph).
//!
//! [`quote_regions`] reads the characters of any text; an article's regions, with the
//! quotations that run on, are found once for its token stream
//! ([`super::stream::TokenStream::quotes`]), which marks each token quoted or not from them.

use super::cover::Cover;
use super::Span;

/// A character that may take part in a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Glyph {
    /// `“`: opens.
    CurlyOpen,
    /// `”`: closes.
    CurlyClose,
    /// `"`: opens or closes.
    Straight,
    /// `"` where a closing mark stands (after a character that is not white space, before
    /// white space, punctuation or the end): closes a quotation opened either way, or
    /// opens one.
    StraightClosing,
    /// `'`: a quotation mark only when doubled (`''`).
    Apostrophe,
}

impl Glyph {
    /// The glyph a character is, if any.
    pub(crate) fn of(c: char) -> Option<Glyph> {
        match c {
            '“' => Some(Glyph::CurlyOpen),
            '”' => Some(Glyph::CurlyClose),
            '"' => Some(Glyph::Straight),
            '\'' => Some(Glyph::Apostrophe),
            _ => None,
        }
    }
}

/// True when the mark token `mark` (one character) is a quotation mark: `“`, `”`, `"`, or
/// an apostrophe doubled with the character before or after it (`''`). A lone apostrophe,
/// single curly quotes and guillemets are not.
pub fn is_quote_mark(text: &str, mark: Span) -> bool {
    match mark.slice(text) {
        "“" | "”" | "\"" => true,
        "'" => {
            let b = text.as_bytes();
            (mark.start > 0 && b[mark.start - 1] == b'\'') || b.get(mark.end) == Some(&b'\'')
        }
        _ => false,
    }
}

/// What a quotation mark did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Event {
    /// It opened a quotation.
    Opened,
    /// It closed one.
    Closed,
    /// It stood where it could neither open nor close (a `“` inside a quotation, a `”`
    /// outside one).
    Ignored,
}

/// The quotation state machine: fed the marks of a text in order, it gives the quoted
/// regions, each from its opening mark to its closing mark inclusive.
#[derive(Debug, Default)]
pub(crate) struct Scanner {
    /// The start of the open quotation and whether a straight mark opened it.
    open: Option<(usize, bool)>,
    /// Whether a straight mark inside a quotation a `“` opened has opened a nested quote
    /// that its next straight mark closes.
    nested: bool,
    out: Vec<Span>,
}

impl Scanner {
    /// Feeds a mark at byte `at`: `“`, `”`, `"`, or a doubled apostrophe (`''`, two bytes;
    /// a single apostrophe is not fed).
    pub(crate) fn feed(&mut self, at: usize, glyph: Glyph) -> Event {
        match (glyph, self.open) {
            (Glyph::Apostrophe, Some((s, true))) => {
                self.out.push(Span::new(s, at + 2));
                self.open = None;
                Event::Closed
            }
            (Glyph::CurlyOpen, None) => {
                self.open = Some((at, false));
                self.nested = false;
                Event::Opened
            }
            // a straight pair nested in a curly quotation (`“a "b" c”`)
            (Glyph::Straight, Some((_, false))) => {
                self.nested = true;
                Event::Ignored
            }
            (Glyph::StraightClosing, Some((_, false))) if self.nested => {
                self.nested = false;
                Event::Ignored
            }
            (Glyph::Straight | Glyph::StraightClosing | Glyph::Apostrophe, None) => {
                self.open = Some((at, true));
                Event::Opened
            }
            // a closing curly quote closes a quotation opened either way
            (Glyph::CurlyClose | Glyph::StraightClosing, Some((s, _)))
            | (Glyph::Straight, Some((s, true))) => {
                let len = if glyph == Glyph::CurlyClose { 3 } else { 1 };
                self.out.push(Span::new(s, at + len));
                self.open = None;
                Event::Closed
            }
            _ => Event::Ignored,
        }
    }

    /// The regions found, a quotation left open running to `end`.
    pub(crate) fn finish(mut self, end: usize) -> Vec<Span> {
        if let Some((s, _)) = self.open {
            self.out.push(Span::new(s, end));
        }
        self.out
    }
}

/// The quoted regions of `text` within `within`, each from its opening mark to its closing
/// mark inclusive (see the module documentation for the marks). A quote left open runs to
/// the end of `within`.
pub fn quote_regions(text: &str, within: Span) -> Vec<Span> {
    let body = within.slice(text);
    let mut scanner = Scanner::default();
    let mut chars = body.char_indices().peekable();
    let mut before = None;
    while let Some((i, c)) = chars.next() {
        let prev = before.replace(c);
        let Some(mut glyph) = Glyph::of(c) else {
            continue;
        };
        if glyph == Glyph::Straight
            && prev.is_some_and(|p: char| !p.is_whitespace())
            && chars.peek().is_none_or(|(_, n)| !n.is_alphanumeric())
        {
            glyph = Glyph::StraightClosing;
        }
        if glyph == Glyph::Apostrophe {
            // `''` stands for `"`; a single apostrophe is none
            if chars.next_if(|(_, n)| *n == '\'').is_none() {
                continue;
            }
        }
        scanner.feed(within.start + i, glyph);
    }
    scanner.finish(within.end)
}

/// True when the quotation `q` of `text` ends with its closing mark.
pub fn closes(text: &str, q: Span) -> bool {
    let s = q.slice(text);
    (s.chars().nth(1).is_some() && s.ends_with(['”', '"'])) || (s.len() > 3 && s.ends_with("''"))
}

/// The quotations of each paragraph of an article, and which paragraphs continue a
/// quotation left open at the end of the paragraph before.
#[derive(Clone, Debug, Default)]
pub struct Quotes {
    /// The quoted regions of each paragraph, in text order (with, first, the rest of a
    /// quotation carried on from the paragraph before without a new opening mark).
    pub regions: Vec<Vec<Span>>,
    /// Whether each paragraph carries on a quotation left open at the end of the one
    /// before.
    pub continues: Vec<bool>,
    /// The regions of each paragraph, indexed.
    pub cover: Vec<Cover>,
}

impl PartialEq for Quotes {
    fn eq(&self, other: &Quotes) -> bool {
        // the covers are indexes of the regions
        self.regions == other.regions && self.continues == other.continues
    }
}

impl Eq for Quotes {}

impl Quotes {
    /// The quotations of the paragraphs `paras` of `text`, given the regions
    /// [`quote_regions`] finds in each.
    pub fn new(text: &str, paras: &[Span], mut regions: Vec<Vec<Span>>) -> Quotes {
        let mut continues = vec![false; paras.len()];
        for i in 1..regions.len() {
            let p = paras[i];
            let prev_open = regions[i - 1]
                .last()
                .is_some_and(|q| q.end == paras[i - 1].end && !closes(text, *q));
            if !prev_open {
                continue;
            }
            if p.slice(text).starts_with(['“', '"']) {
                continues[i] = true;
            } else if regions[i].first().is_none_or(|q| q.start > p.start) {
                // a quotation carried on without a new opening mark
                let end = regions[i].first().map_or(p.end, |q| {
                    if q.end < p.end || closes(text, *q) {
                        q.start
                    } else {
                        p.end
                    }
                });
                regions[i].insert(0, Span::new(p.start, end));
                continues[i] = true;
            }
        }
        let cover = regions
            .iter()
            .map(|r| Cover::new(r.iter().copied()))
            .collect();
        Quotes {
            regions,
            continues,
            cover,
        }
    }

    /// The index in paragraph `para`'s regions of the first region that ends after
    /// `offset` (the regions of a paragraph neither overlap nor nest, so their ends ascend).
    pub fn first_ending_after(&self, para: usize, offset: usize) -> usize {
        self.regions
            .get(para)
            .map_or(0, |r| r.partition_point(|q| q.end <= offset))
    }

    /// The region of paragraph `para` that overlaps `span` first, as its index.
    pub fn overlapping(&self, para: usize, span: Span) -> Option<usize> {
        let r = self.regions.get(para)?;
        let i = r.partition_point(|q| q.end <= span.start);
        r.get(i).filter(|q| q.overlaps(span)).map(|_| i)
    }

    /// The region of paragraph `para` that holds byte `offset` strictly inside (after its
    /// first byte), if any.
    pub fn strictly_around(&self, para: usize, offset: usize) -> Option<Span> {
        let r = self.regions.get(para)?;
        let i = r.partition_point(|q| q.end <= offset);
        r.get(i).filter(|q| q.start < offset).copied()
    }

    /// The region of paragraph `para` that ends at `end`, if any.
    pub fn ending_at(&self, para: usize, end: usize) -> Option<Span> {
        let r = self.regions.get(para)?;
        let i = r.partition_point(|q| q.end < end);
        r.get(i).filter(|q| q.end == end).copied()
    }

    /// The region of paragraph `para` that starts at `start`, if any.
    pub fn starting_at(&self, para: usize, start: usize) -> Option<Span> {
        let r = self.regions.get(para)?;
        let i = r.partition_point(|q| q.start < start);
        r.get(i).filter(|q| q.start == start).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_mark_closes_a_curly_quotation_where_a_closing_mark_stands() {
        let t = "“No,\" she said. “It was \"fake\" news.\" Then \"a\" and “b”.";
        let q: Vec<&str> = quote_regions(t, Span::new(0, t.len()))
            .iter()
            .map(|s| s.slice(t))
            .collect();
        assert_eq!(q, ["“No,\"", "“It was \"fake\" news.\"", "\"a\"", "“b”"]);
    }

    #[test]
    fn pairs_and_open_quotes() {
        let t = "He said “yes” and \"no\" and “maybe";
        let q: Vec<&str> = quote_regions(t, Span::new(0, t.len()))
            .iter()
            .map(|s| s.slice(t))
            .collect();
        assert_eq!(q, ["“yes”", "\"no\"", "“maybe"]);
    }

    #[test]
    fn two_apostrophes_are_a_double_quote() {
        let t = "''We won,'' she said, and 'maybe' twice; it's ''fine";
        let q: Vec<&str> = quote_regions(t, Span::new(0, t.len()))
            .iter()
            .map(|s| s.slice(t))
            .collect();
        assert_eq!(q, ["''We won,''", "''fine"]);
    }

    #[test]
    fn a_closing_curly_mark_closes_either_opening() {
        let t = "\"a” “b\" c” ”d “e “f”";
        let q: Vec<&str> = quote_regions(t, Span::new(0, t.len()))
            .iter()
            .map(|s| s.slice(t))
            .collect();
        // the straight mark after `b` stands where a closing mark does, so it closes
        assert_eq!(q, ["\"a”", "“b\"", "“e “f”"]);
    }

    #[test]
    fn quote_marks_are_double_marks_only() {
        let t = "“a” \"b\" ''c'' 'd' ‘e’ «f»";
        let marks: Vec<&str> = t
            .char_indices()
            .map(|(i, c)| Span::new(i, i + c.len_utf8()))
            .filter(|s| is_quote_mark(t, *s))
            .map(|s| s.slice(t))
            .collect();
        assert_eq!(marks, ["“", "”", "\"", "\"", "'", "'", "'", "'"]);
    }
}
