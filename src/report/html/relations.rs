//! The page's Relations and Quote drift sections: each relation with both claims' words
//! and speakers, each quotation told in two wordings with both tellings, who said them and
//! where, above the word difference.

use super::{claim_link, table_section};
use crate::link::diff::DiffOp;
use crate::report::{ClaimInfo, RelationKind, Report};
use maud::{html, Markup};
use std::collections::HashMap;

/// The claims of a report by id.
pub(super) fn by_id(r: &Report) -> HashMap<&str, &ClaimInfo> {
    r.claims.iter().map(|c| (c.id.as_str(), c)).collect()
}

/// Who said what: the speaker's name (or the mention, for an unresolved speaker) and the
/// words, quoted.
pub(super) fn said(c: &ClaimInfo) -> Markup {
    let name = if c.speaker.rule.is_none() && !c.speaker.source.is_article_voice() {
        c.speaker.mention.as_str()
    } else {
        c.speaker.name.as_str()
    };
    html! {
        strong.speaker { (name) } @if let Some(p) = &c.speaker.person { " (" (p) ")" } ": "
        span.words { (quoted(&c.content_text())) }
    }
}

/// Words in quotation marks, unless they already open with one.
fn quoted(words: &str) -> String {
    let opens = words.starts_with(['"', '“', '‘', '\'', '«', '„']);
    if opens {
        words.to_string()
    } else {
        format!("“{words}”")
    }
}

/// One side of a relation: who said what, and the link to the claim.
fn relation_side(id: &str, claims: &HashMap<&str, &ClaimInfo>) -> Markup {
    html! {
        @match claims.get(id) {
            Some(c) => { (said(c)) " " (claim_link(id)) }
            None => { (claim_link(id)) }
        }
    }
}

pub(super) fn relations(r: &Report) -> Markup {
    let head = ["claim", "relation", "claim", "score", "why"];
    let none = Some("None.");
    let claims = by_id(r);
    table_section("relations", "Relations", &head, &r.relations, none, |rel| {
        let contra = rel.kind == RelationKind::Contradicts;
        html! {
            tr.relation.contradicts[contra] {
                td.side { (relation_side(&rel.a, &claims)) }
                td.kind {
                    @if contra { strong { (rel.kind.label()) } } @else { (rel.kind.label()) }
                }
                td.side { (relation_side(&rel.b, &claims)) }
                td.num { (format!("{:.2}", rel.score)) }
                td { (rel.reasons.join("; ")) }
            }
        }
    })
}

pub(super) fn quote_drift(r: &Report) -> Markup {
    let drift: Vec<_> = r
        .relations
        .iter()
        .filter(|x| x.kind == RelationKind::QuoteVariant)
        .collect();
    let claims = by_id(r);
    html! {
        section id="quote-drift" {
            "\n" h2 { "Quote drift" } "\n"
            @if drift.is_empty() {
                p { "No quotation is worded differently in two places." } "\n"
            } @else {
                p {
                    "The same speaker quoted in two wordings: " del { "struck" }
                    " words are only in the first telling, " ins { "underlined" }
                    " ones only in the second."
                }
                "\n"
                ul {
                    "\n"
                    @for x in drift {
                        li.drift {
                            @for id in [&x.a, &x.b] {
                                p.telling {
                                    @match claims.get(id.as_str()) {
                                        Some(c) => {
                                            (said(c)) " " span.muted {
                                                "in " (c.article) ", paragraph " (c.paragraph)
                                            } " " (claim_link(id))
                                        }
                                        None => { (claim_link(id)) }
                                    }
                                }
                            }
                            p.diff {
                            @for (i, d) in x.diff.iter().enumerate() {
                                @if i > 0 { " " }
                                @match d.op {
                                    DiffOp::Same => { (d.text) }
                                    DiffOp::Removed => { del { (d.text) } }
                                    DiffOp::Added => { ins { (d.text) } }
                                }
                            }
                            }
                        }
                        "\n"
                    }
                }
                "\n"
            }
        }
        "\n"
    }
}
