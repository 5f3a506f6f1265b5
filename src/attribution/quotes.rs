//! Quotation marks: which parts of a paragraph are quoted, which quotations run on into
//! the next paragraph, and which quotations next to a sentence it may take as content.

use super::cover::Cover;
use crate::corpus::Article;
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

/// The quotations of each paragraph, and which paragraphs continue a quotation left open at
/// the end of the paragraph before.
pub(super) struct Quotes {
    /// The quoted regions of each paragraph, in text order.
    pub regions: Vec<Vec<Span>>,
    /// Whether each paragraph carries on a quotation left open at the end of the one
    /// before.
    pub continues: Vec<bool>,
    /// The regions of each paragraph, indexed.
    pub cover: Vec<Cover>,
}

impl Quotes {
    /// The quotations of `article`'s paragraphs.
    pub fn of(article: &Article) -> Quotes {
        let text = article.text.as_str();
        let paras = &article.paragraphs;
        let mut regions: Vec<Vec<Span>> = paras.iter().map(|p| quote_regions(text, *p)).collect();
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
}

/// True when the quotation `q` ends with its closing mark.
pub(super) fn closes(text: &str, q: Span) -> bool {
    let s = q.slice(text);
    (s.chars().count() > 1 && s.ends_with(['”', '"'])) || (s.len() > 3 && s.ends_with("''"))
}

/// Quotations next to a sentence that an attribution in it may take as its content: the
/// quotation closing the sentence before ("“…!” Smith said." is split after the "!") and
/// the one opening the sentence after ("X said: / “…”").
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Around {
    /// The quotation that closes the sentence before, in the same paragraph.
    pub prev_quote: Option<Span>,
    /// The quotation that opens the sentence after.
    pub next_quote: Option<Span>,
}

/// The quotations next to sentence `si` that it may take as content.
pub(super) fn around(article: &Article, quotes: &Quotes, si: usize) -> Around {
    let text = article.text.as_str();
    let sents = &article.sentences;
    let sent = sents[si];
    let inside = |s: Span| {
        quotes.regions[sent.paragraph]
            .iter()
            .any(|q| q.start < s.start && s.start < q.end)
    };
    let prev_quote = si
        .checked_sub(1)
        .map(|p| sents[p])
        .filter(|p| p.paragraph == sent.paragraph && !inside(sent.span))
        .and_then(|p| {
            quotes.regions[p.paragraph]
                .iter()
                .find(|q| q.end == p.span.end && closes(text, **q))
                .copied()
        });
    let next_quote = sents.get(si + 1).and_then(|n| {
        let first_of_para = n.paragraph != sent.paragraph;
        let starts = quotes.regions[n.paragraph]
            .iter()
            .find(|q| q.start == n.span.start)
            .copied()?;
        // a quotation over the whole next paragraph, or opening the next sentence
        (first_of_para || n.paragraph == sent.paragraph).then_some(starts)
    });
    Around {
        prev_quote,
        next_quote,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::testutil::*;
    use crate::attribution::AttributionKind;

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
    fn direct_quotes_straight_and_curly() {
        for text in [
            "Mayor Lina Ortiz said: \"The bridge will reopen in May.\"",
            "Mayor Lina Ortiz said: “The bridge will reopen in May.”",
        ] {
            let g = one(text);
            assert_eq!(g.kind, AttributionKind::Direct, "{text}");
            assert_eq!(g.source, "Mayor Lina Ortiz");
            assert_eq!(g.cue, "said");
            assert_eq!(g.content.len(), 1);
            assert!(g.content[0].contains("The bridge will reopen in May."));
        }
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_quote() {
        let g = one("“We heard him shout ‘close the gates’ before the blast,” the engineer said.");
        assert_eq!(g.kind, AttributionKind::Direct);
        assert_eq!(g.source, "the engineer");
        assert_eq!(
            g.content,
            ["“We heard him shout ‘close the gates’ before the blast,”"]
        );
        let g = one("\"He told us 'wait here' and left,\" the guard said.");
        assert_eq!(g.kind, AttributionKind::Direct);
        assert_eq!(g.source, "the guard");
        assert_eq!(g.content, ["\"He told us 'wait here' and left,\""]);
    }
}
