//! A colon that ends the sentence before a quotation: "... said about the platform: /
//! “The platform goes further ...”". The content is the quotation that opens the next
//! sentence or paragraph.

use super::reading::Reading;
use super::{Cx, Said, Who};

/// Applies when the sentence ends in a colon, a quotation opens the next sentence, and
/// nothing but an adjunct (or nothing that could be content) follows the cue.
pub(super) fn next_quote(cx: &Cx, _: &Who, r: &Reading) -> Option<Said> {
    let q = cx.around.next_quote?;
    (r.ends_in_colon && (r.adjunct_after || !r.after_ok)).then_some(Said {
        neighbour: Some(q),
        ..Said::default()
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;
    use crate::attribution::AttributionKind;

    #[test]
    fn a_colon_at_the_end_of_a_paragraph_introduces_the_quotation_that_follows() {
        let text = "In a statement on Friday, the guild said about the dam:\n\
                    “The dam is old. It must be rebuilt.”";
        let g = one(text);
        assert_eq!(g.source, "the guild");
        assert_eq!(g.kind, AttributionKind::Direct);
        assert_eq!(g.content, ["“The dam is old. It must be rebuilt.”"]);
    }
}
