//! Helpers for the tests of the extraction rules: a gazetteer of invented sources, and the
//! rules' attributions of a text in words.

use super::{rules, AttributionKind, Stance};
use crate::corpus::Article;
use crate::sources::Gazetteer;
use crate::text::Span;
use std::path::Path;

/// A gazetteer of invented sources for the tests.
pub(crate) fn gazetteer() -> Gazetteer {
    let text = r#"#![enable(implicit_some)]
(sources: [
    (id: "port", name: "Valdera Port Authority", kind: Government,
     aliases: ["Port Authority", "the port authority"],
     people: [(name: "Elena Marsh", role: "spokeswoman", aliases: ["Marsh"])]),
    (id: "courier", name: "Valdera Courier", kind: Outlet, aliases: ["the Courier"]),
    (id: "northwire", name: "Northwire", kind: Wire),
    (id: "ministry", name: "Ministry of Water", kind: Government,
     aliases: ["water ministry", "the ministry"]),
    (id: "guild", name: "Harbour Guild", kind: Group, aliases: ["the guild"]),
    (id: "herald", name: "Lowland Herald", kind: Outlet),
])"#;
    crate::sources::Registry::from_ron(Path::new("sources.ron"), text)
        .unwrap()
        .gazetteer()
        .clone()
}

/// One attribution in words, for comparing.
#[derive(Debug, PartialEq)]
pub(crate) struct Got {
    pub kind: AttributionKind,
    pub stance: Stance,
    pub source: String,
    pub head: Option<String>,
    pub antecedent: Option<String>,
    pub cue: String,
    pub content: Vec<String>,
    pub via: Vec<String>,
    pub affiliation: Option<String>,
}

/// The rules' attributions of `text`, in words.
pub(crate) fn run(text: &str) -> Vec<Got> {
    let article = Article::new("t", text);
    let t = article.text.as_str();
    let join = |v: &[Span]| v.iter().map(|s| s.slice(t)).collect::<Vec<_>>().join(" ");
    rules::extract(&article, &gazetteer())
        .into_iter()
        .map(|a| Got {
            kind: a.kind,
            stance: a.stance,
            source: join(&a.source),
            head: a.head.map(|s| s.slice(t).to_string()),
            antecedent: a.antecedent.map(|s| s.slice(t).to_string()),
            cue: join(&a.cue),
            content: a.content.iter().map(|s| s.slice(t).to_string()).collect(),
            via: a.via.iter().map(|s| s.slice(t).to_string()).collect(),
            affiliation: a.affiliation.map(|s| s.slice(t).to_string()),
        })
        .collect()
}

/// The attributions other than the article's own voice.
pub(crate) fn cited(text: &str) -> Vec<Got> {
    run(text)
        .into_iter()
        .filter(|g| g.kind != AttributionKind::Author)
        .collect()
}

/// The single cited attribution of `text`.
pub(crate) fn one(text: &str) -> Got {
    let mut all = cited(text);
    assert_eq!(all.len(), 1, "{text}: {all:#?}");
    all.remove(0)
}
