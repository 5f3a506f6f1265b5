//! The sourcing chain of a claim: its origin, the intermediaries the text names, and the
//! article (with its outlet) that carries it.

use super::{Resolution, SourceTable, Speaker};
use crate::corpus::Article;
use crate::sources::SpeakerId;
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// The part a link plays in a claim's sourcing chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ViaRole {
    /// Where the claim comes from.
    Origin,
    /// A source that passed it on ("said to Newsweek", a "Reuters:" block).
    Intermediary,
    /// The article that carries it.
    Article,
}

/// One link of a sourcing chain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ViaLink {
    /// Its part in the chain.
    pub role: ViaRole,
    /// The source id, for origins and intermediaries.
    pub source: Option<SpeakerId>,
    /// A name to show.
    pub name: String,
    /// Where the text names it, if it does.
    pub span: Option<Span>,
}

/// The chain of a claim by `speaker` with the intermediaries `via` (each with what it
/// resolved to) in `article`, whose outlet resolved to `outlet`.
pub(super) fn chain(
    article: &Article,
    speaker: &Speaker,
    via_res: &[(Span, Option<Resolution>)],
    outlet: Option<&Resolution>,
    table: &SourceTable,
) -> Vec<ViaLink> {
    let text = article.text.as_str();
    let mut via = vec![ViaLink {
        role: ViaRole::Origin,
        source: Some(speaker.source.clone()),
        name: table
            .get(speaker.source.as_str())
            .map_or_else(|| speaker.text.clone(), |s| s.name.clone()),
        span: speaker.antecedent.or(speaker.mention),
    }];
    for (span, r) in via_res {
        let id = r.as_ref().map(|r| SpeakerId::source(r.source.clone()));
        // the speaker itself, or the same intermediary named twice ("The FSB reported ...,
        // Reuters said" under a "Reuters:" header)
        let last = via.last().and_then(|v| v.source.clone());
        if id.is_some() && (id.as_ref() == Some(&speaker.source) || id == last) {
            continue;
        }
        let name = id
            .as_ref()
            .and_then(|i| table.get(i.as_str()))
            .map_or_else(|| span.slice(text).to_string(), |s| s.name.clone());
        via.push(ViaLink {
            role: ViaRole::Intermediary,
            source: id,
            name,
            span: Some(*span),
        });
    }
    // "Kerel told the Courier" in the Courier's own article: the outlet is named once
    let outlet_id = outlet.map(|r| SpeakerId::source(r.source.clone()));
    if outlet_id.is_some()
        && via.len() > 1
        && via.last().and_then(|v| v.source.as_ref()) == outlet_id.as_ref()
    {
        via.pop();
    }
    via.push(ViaLink {
        role: ViaRole::Article,
        source: outlet_id,
        name: match (&article.outlet, &article.title) {
            (Some(o), _) => format!("{o}: article {}", article.id),
            (None, _) => format!("article {} (outlet unknown)", article.id),
        },
        span: None,
    });
    via
}
