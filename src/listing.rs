//! The lists of the `articles` and `sources` commands, as an aligned table, as
//! tab-separated values with a header row, or as JSON with a schema; and the `sources.ron`
//! stub of `sources --suggest`.
//!
//! Every value has a column of its own, numbers included; in the table an unknown value is
//! `-`, in TSV an empty field, in JSON `null`. Table and TSV are for terminals and scripts:
//! control and escape characters in the input are replaced ([`crate::terminal::cell`]),
//! and so are tabs and line breaks, which would break a row.

use crate::sources::{slug, Source, SourceKind};
use crate::terminal;
use crate::{Analysis, Story};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt::Write;

/// The schema of `claimgraph articles --format json`.
pub const ARTICLES_SCHEMA: &str = "claimgraph.articles/1";
/// The schema of `claimgraph sources --format json`.
pub const SOURCES_SCHEMA: &str = "claimgraph.sources/1";

/// How a list is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    /// Aligned columns with a header, numbers to the right.
    Table,
    /// Tab-separated values with a header row.
    Tsv,
    /// One JSON document.
    Json,
}

/// One article of `claimgraph articles`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleRow {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date, YYYY-MM-DD.
    pub published: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Sentences.
    pub sentences: usize,
    /// File, relative to the story folder (`<stdin>`, or the address of a fetched page).
    pub path: String,
    /// When a fetched page was fetched (RFC 3339, UTC).
    pub fetched_at: Option<String>,
}

/// The JSON document of `claimgraph articles --format json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleList {
    /// [`ARTICLES_SCHEMA`].
    pub schema: String,
    /// The story's id.
    pub story: String,
    /// The articles, in story order.
    pub articles: Vec<ArticleRow>,
}

/// A person speaking for a source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonRow {
    /// Name.
    pub name: String,
    /// Role.
    pub role: Option<String>,
}

/// One source of `claimgraph sources`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceRow {
    /// Registry id, or `unknown:…` / `anonymous:…` for a speaker it does not know.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind, in words ("state media").
    pub kind: String,
    /// True when the registry knows the source.
    pub registered: bool,
    /// Affiliation.
    pub affiliation: Option<String>,
    /// Reliability letter A–F.
    pub reliability: Option<String>,
    /// Claims it is the origin of.
    pub claims: usize,
    /// Claims it passed on as an intermediary.
    pub passed_on: usize,
    /// The people who speak for it.
    pub people: Vec<PersonRow>,
}

/// The JSON document of `claimgraph sources --format json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceList {
    /// [`SOURCES_SCHEMA`].
    pub schema: String,
    /// The story's id.
    pub story: String,
    /// The registry's sources, then the unknown speakers met.
    pub sources: Vec<SourceRow>,
}

/// The rows of `claimgraph articles`.
pub fn article_rows(story: &Story) -> Vec<ArticleRow> {
    story
        .articles
        .iter()
        .map(|a| ArticleRow {
            id: a.id.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            published: a.published.map(|d| d.to_string()),
            byline: a.byline.clone(),
            url: a.url.clone(),
            paragraphs: a.paragraphs.len(),
            sentences: a.sentences.len(),
            path: a.path.to_string_lossy().replace('\\', "/"),
            fetched_at: a.fetched.as_ref().map(|f| f.at.clone()),
        })
        .collect()
}

/// The rows of `claimgraph sources`.
pub fn source_rows(an: &Analysis) -> Vec<SourceRow> {
    an.sources
        .sources()
        .map(|s| SourceRow {
            id: s.id.clone(),
            name: s.name.clone(),
            kind: s.kind.label().to_string(),
            registered: an.story.registry.get(&s.id).is_some(),
            affiliation: s.affiliation.clone(),
            reliability: s.reliability.map(|r| r.letter().to_string()),
            claims: an.graph.claims_of_source(&s.id).len(),
            passed_on: an.graph.claims_reported_via(&s.id).len(),
            people: s
                .people
                .iter()
                .map(|p| PersonRow {
                    name: p.name.clone(),
                    role: p.role.clone(),
                })
                .collect(),
        })
        .collect()
}

/// A value for a table or TSV cell: the text made safe, `-` (table) or empty (TSV) when
/// unknown.
fn value(v: Option<&str>, format: ListFormat) -> String {
    match v {
        Some(s) if !s.is_empty() => terminal::cell(s).into_owned(),
        _ if format == ListFormat::Table => "-".into(),
        _ => String::new(),
    }
}

/// Rows as an aligned table (numeric columns to the right) or as TSV.
fn grid(head: &[&str], numeric: &[bool], rows: &[Vec<String>], format: ListFormat) -> String {
    let mut out = String::new();
    if format == ListFormat::Tsv {
        let _ = writeln!(out, "{}", head.join("\t"));
        for r in rows {
            let _ = writeln!(out, "{}", r.join("\t"));
        }
        return out;
    }
    let width = |c: usize| {
        rows.iter()
            .map(|r| r[c].chars().count())
            .chain([head[c].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..head.len()).map(width).collect();
    let line = |cells: Vec<&str>| {
        let mut l = String::new();
        for (c, v) in cells.iter().enumerate() {
            let pad = widths[c] - v.chars().count();
            if c > 0 {
                l.push_str("  ");
            }
            if numeric[c] {
                l.extend(std::iter::repeat_n(' ', pad));
                l.push_str(v);
            } else {
                l.push_str(v);
                if c + 1 < cells.len() {
                    l.extend(std::iter::repeat_n(' ', pad));
                }
            }
        }
        l.trim_end().to_string()
    };
    let _ = writeln!(out, "{}", line(head.to_vec()));
    for r in rows {
        let _ = writeln!(out, "{}", line(r.iter().map(String::as_str).collect()));
    }
    out
}

/// `claimgraph articles`: id, outlet, published, title, paragraphs, sentences, file.
pub fn articles(story: &Story, format: ListFormat) -> String {
    let rows = article_rows(story);
    if format == ListFormat::Json {
        return json(&ArticleList {
            schema: ARTICLES_SCHEMA.into(),
            story: story.id.clone(),
            articles: rows,
        });
    }
    let head = [
        "id",
        "outlet",
        "published",
        "title",
        "paragraphs",
        "sentences",
        "file",
    ];
    let numeric = [false, false, false, false, true, true, false];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                value(Some(&r.id), format),
                value(r.outlet.as_deref(), format),
                value(r.published.as_deref(), format),
                value(r.title.as_deref(), format),
                r.paragraphs.to_string(),
                r.sentences.to_string(),
                value(Some(&r.path), format),
            ]
        })
        .collect();
    grid(&head, &numeric, &cells, format)
}

/// `claimgraph sources`: id, name, kind, registered, affiliation, reliability, claims,
/// passed on, people.
pub fn sources(an: &Analysis, format: ListFormat) -> String {
    let rows = source_rows(an);
    if format == ListFormat::Json {
        return json(&SourceList {
            schema: SOURCES_SCHEMA.into(),
            story: an.story.id.clone(),
            sources: rows,
        });
    }
    let head = [
        "id",
        "name",
        "kind",
        "registered",
        "affiliation",
        "reliability",
        "claims",
        "passed_on",
        "people",
    ];
    let numeric = [false, false, false, false, false, false, true, true, false];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let people: Vec<String> = r
                .people
                .iter()
                .map(|p| match &p.role {
                    Some(role) => format!("{} ({role})", p.name),
                    None => p.name.clone(),
                })
                .collect();
            vec![
                value(Some(&r.id), format),
                value(Some(&r.name), format),
                r.kind.clone(),
                if r.registered { "yes" } else { "no" }.into(),
                value(r.affiliation.as_deref(), format),
                value(r.reliability.as_deref(), format),
                r.claims.to_string(),
                r.passed_on.to_string(),
                value(Some(&people.join("; ")), format),
            ]
        })
        .collect();
    grid(&head, &numeric, &cells, format)
}

fn json<T: Serialize>(doc: &T) -> String {
    // plain structs of strings and numbers always serialise
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    s.push('\n');
    s
}

/// A RON string literal.
fn ron_string(s: &str) -> String {
    ron::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// `claimgraph sources --suggest`: the speakers the registry does not know, as a
/// `sources.ron` file to fill in. Each entry has a fresh slug id (none the registry uses),
/// the name as the text gives it, kind `Unknown` (`Anonymous` for a speaker left unnamed),
/// and comments with the number of claims and the first one's words. It loads as written:
/// as the story's `sources.ron` when it has none, or with its entries added to the list of
/// the one it has.
pub fn suggest_sources(an: &Analysis) -> String {
    let mut taken: HashSet<String> = an
        .story
        .registry
        .sources()
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let unknown: Vec<&Source> = an
        .sources
        .sources()
        .filter(|s| an.story.registry.get(&s.id).is_none())
        .filter(|s| matches!(s.kind, SourceKind::Unknown | SourceKind::Anonymous))
        .collect();
    let mut out = String::new();
    let _ = writeln!(out, "#![enable(implicit_some)]");
    let _ = writeln!(
        out,
        "// Speakers of {} that the registry does not know: {} of them.",
        comment(&an.story.id),
        unknown.len()
    );
    let _ = writeln!(
        out,
        "// Set each one's kind (Agency, Government, Official, StateMedia, Outlet, Wire, Person,\n\
         // Group, Anonymous), merge the ones that are one source (a name becomes an alias),\n\
         // add people, an affiliation and a reliability letter A-F where known, and add the\n\
         // entries to sources.ron."
    );
    let _ = writeln!(out, "(\n    sources: [");
    for s in unknown {
        let claims = an.graph.claims_of_source(&s.id);
        let base = slug(&s.name);
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(id.clone());
        let _ = writeln!(out, "        (");
        let _ = writeln!(
            out,
            "            // {} claim{}{}",
            claims.len(),
            if claims.len() == 1 { "" } else { "s" },
            claims
                .first()
                .map(|&i| {
                    let c = &an.claims[i];
                    format!(
                        ", first in {}: “{}”",
                        comment(&c.article),
                        comment(&clip(&c.text, 100))
                    )
                })
                .unwrap_or_default()
        );
        let _ = writeln!(out, "            id: {},", ron_string(&id));
        let _ = writeln!(out, "            name: {},", ron_string(&s.name));
        let _ = writeln!(
            out,
            "            kind: {},",
            if s.kind == SourceKind::Anonymous {
                "Anonymous"
            } else {
                "Unknown"
            }
        );
        let _ = writeln!(out, "        ),");
    }
    let _ = writeln!(out, "    ],\n)");
    out
}

/// Text for a one-line comment: no line breaks or control characters.
fn comment(s: &str) -> String {
    terminal::cell(s).replace(['\r', '\u{2028}', '\u{2029}'], " ")
}

fn clip(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut t: String = flat.chars().take(max - 1).collect();
    t.push('…');
    t
}
