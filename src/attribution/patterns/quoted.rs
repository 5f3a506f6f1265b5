//! The active quotation frame: "Tass quoted the spokeswoman as saying: “…”", "the Courier
//! cited two officials saying ...". The one quoted is the speaker; whoever quotes her
//! carries her words.

use super::{Cx, Who};
use crate::attribution::cue_finder::quoted_as_saying;
use crate::attribution::phrases::{coordinated_subject, np_before};

/// Applies to the cue "quoted" with a noun phrase and "as saying" after it, or "cited"
/// with one and "saying" ([`quoted_as_saying`]): that phrase is the source, the subject before the cue the intermediary, the content what follows
/// "saying".
pub(super) fn speaker(cx: &Cx) -> Option<Who> {
    let (source, after) = quoted_as_saying(cx.toks, cx.hit.start)?;
    // "The Courier had reported ... and cited two officials saying": the subject of the
    // clause the cue's is coordinated with
    let via = np_before(cx.toks, cx.frame).or_else(|| coordinated_subject(cx.toks, cx.frame));
    Some(Who {
        source: Some(source),
        via,
        content_from: Some(after),
        ..Who::default()
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;

    #[test]
    fn the_one_quoted_speaks_through_who_quotes_him() {
        let g =
            one("The Courier quoted harbour master Tomas Berg as saying: “The pier is closed.”");
        assert_eq!(g.source, "harbour master Tomas Berg");
        assert_eq!(g.via, ["The Courier"]);
        assert_eq!(g.content, ["“The pier is closed.”"]);
        let g = one("Northwire quoted the mayor as saying that the pier would reopen.");
        assert_eq!(g.source, "the mayor");
        assert_eq!(g.via, ["Northwire"]);
        assert_eq!(g.content, ["the pier would reopen"]);
    }

    #[test]
    fn the_one_cited_as_saying_speaks_through_who_cites_him() {
        let all = cited(
            "The Courier had reported earlier that the pier was shut, and cited two officials \
             saying a storm had damaged it.",
        );
        let cited_one = all.iter().find(|g| g.source == "two officials").unwrap();
        assert_eq!(cited_one.via, ["The Courier"], "{all:#?}");
        assert_eq!(cited_one.content, ["a storm had damaged it"], "{all:#?}");
    }
}
