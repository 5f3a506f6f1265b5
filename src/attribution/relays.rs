//! Relays: "The ministry reported that two wells were closed, Northwire said." The outer
//! attribution only passes on the inner one: it is marked as relaying, and its speaker
//! becomes an intermediary of the inner one.

use super::{Attribution, Stance};
use crate::text::Span;

/// Marks the attributions of one sentence whose content holds another one's cue as relays,
/// and adds their speaker to the inner one's intermediaries.
pub(super) fn relay_nested(atts: &mut [Attribution]) {
    for o in 0..atts.len() {
        for i in 0..atts.len() {
            if o == i {
                continue;
            }
            let inner_cue = atts[i].cue.first().copied();
            let holds = inner_cue.is_some_and(|c| atts[o].content.iter().any(|x| x.contains(c)))
                && atts[i]
                    .source
                    .iter()
                    .all(|s| atts[o].content.iter().any(|x| x.contains(*s)));
            let outer_src = atts[o]
                .antecedent
                .or(atts[o].head)
                .or(atts[o].source.first().copied());
            // each holding the other's cue (a content that ran on over the relay): the
            // later cue is the relay's
            let held_back = atts[o]
                .cue
                .first()
                .is_some_and(|oc| atts[i].content.iter().any(|x| x.contains(*oc)));
            let later = match (atts[o].cue.first(), inner_cue) {
                (Some(oc), Some(ic)) => oc.start > ic.start,
                _ => true,
            };
            // a denial or a question of what the other said answers it, and passes nothing on
            let passes_on = !matches!(
                atts[o].stance,
                Stance::Deny | Stance::Question | Stance::RefuseToConfirm
            );
            if holds && passes_on && !atts[o].source.is_empty() && (!held_back || later) {
                atts[o].relays = true;
                let mut add: Vec<Span> = outer_src.into_iter().collect();
                add.extend(atts[o].via.iter().copied());
                for v in add {
                    if !atts[i].via.contains(&v) && atts[i].source.first() != Some(&v) {
                        atts[i].via.push(v);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;

    #[test]
    fn nested_report_adds_an_intermediary() {
        let all = cited("The ministry reported that two wells were closed, Northwire said.");
        let inner = all.iter().find(|g| g.source == "The ministry").unwrap();
        assert_eq!(inner.content, ["two wells were closed"]);
        assert_eq!(inner.via, ["Northwire"]);
    }

    #[test]
    fn a_denial_of_what_was_said_is_no_relay() {
        let all = cited(
            "Tomas Berg has said the attack was approved “at a senior level,” an accusation \
             the guild has fiercely denied.",
        );
        let berg = all.iter().find(|g| g.source == "Tomas Berg").unwrap();
        assert!(berg.via.is_empty(), "{all:#?}");
        let denial = all.iter().find(|g| g.cue == "denied").unwrap();
        assert_eq!(denial.source, "the guild", "{all:#?}");
    }

    #[test]
    fn a_report_closing_the_sentence_is_a_relay() {
        let all = cited("The guild said the dam was unsafe, the Courier reports.");
        let inner = all.iter().find(|g| g.source == "The guild").unwrap();
        assert_eq!(inner.content, ["the dam was unsafe"]);
        assert_eq!(inner.via, ["the Courier"]);
        let all = cited(
            "The Harbour Guild said Tomas Berg, \"a true patriot,\" died \"by the hand of \
             traitors,\" Northwire reports.",
        );
        let inner = all
            .iter()
            .find(|g| g.source == "The Harbour Guild")
            .unwrap();
        assert_eq!(inner.via, ["Northwire"], "{all:#?}");
        let outer = all.iter().find(|g| g.source == "Northwire").unwrap();
        assert!(outer.via.is_empty(), "{all:#?}");
    }
}
