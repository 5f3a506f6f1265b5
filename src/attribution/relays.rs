//! Relays: "The ministry reported that two wells were closed, Northwire said." The outer
//! attribution only passes on the inner one: it is marked as relaying, and its speaker
//! becomes an intermediary of the inner one.

use super::Attribution;
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
            if holds && !atts[o].source.is_empty() {
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
}
