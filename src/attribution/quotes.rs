//! The quotations next to a sentence that it may take as content. Which characters are
//! quotation marks, and which parts of a paragraph they quote, is defined once in
//! [`crate::text::quotes`]; the article's regions come with its token stream.

use crate::corpus::Article;
pub use crate::text::quotes::{closes, quote_regions, Quotes};
use crate::text::Span;

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
    // the regions of a paragraph neither overlap nor nest: binary searches find the one
    // around an offset, ending or starting at one, in a paragraph of any number of them
    let inside = |s: Span| quotes.strictly_around(sent.paragraph, s.start).is_some();
    let prev_quote = si
        .checked_sub(1)
        .map(|p| sents[p])
        .filter(|p| p.paragraph == sent.paragraph && !inside(sent.span))
        .and_then(|p| {
            quotes
                .ending_at(p.paragraph, p.span.end)
                .filter(|q| closes(text, *q))
        });
    let next_quote = sents.get(si + 1).and_then(|n| {
        let first_of_para = n.paragraph != sent.paragraph;
        let starts = quotes.starting_at(n.paragraph, n.span.start)?;
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
    use crate::attribution::testutil::*;
    use crate::attribution::AttributionKind;

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
