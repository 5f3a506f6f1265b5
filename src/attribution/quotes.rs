//! Quotation marks: which parts of a paragraph are quoted.

use crate::text::Span;

/// The quoted regions of `text` within `within`, each from its opening mark to its closing
/// mark inclusive. Curly double quotes pair by direction; straight double quotes, and two
/// apostrophes written for one (`''`), pair in order. Single quotes are left alone: inside
/// a double quote they are a nested quote, elsewhere mostly apostrophes. A quote left open
/// runs to the end of `within` (a quote that continues in the next paragraph).
pub fn quote_regions(text: &str, within: Span) -> Vec<Span> {
    let body = within.slice(text);
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = within.start + i;
        // `''` stands for `"`
        let c = if c == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
            chars.next();
            if let Some((s, '"')) = open {
                out.push(Span::new(s, at + 2));
                open = None;
                continue;
            }
            if open.is_none() {
                open = Some((at, '"'));
            }
            continue;
        } else {
            c
        };
        match (c, open) {
            ('“', None) => open = Some((at, '”')),
            ('"', None) => open = Some((at, '"')),
            ('”', Some((s, '”'))) | ('"', Some((s, '"'))) => {
                out.push(Span::new(s, at + c.len_utf8()));
                open = None;
            }
            // a closing curly quote for a straight opening, or the reverse
            ('”', Some((s, '"'))) => {
                out.push(Span::new(s, at + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((s, _)) = open {
        out.push(Span::new(s, within.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
