//! JSONL articles: one JSON object a line, for bulk input.

use super::{frontmatter, Article};
use crate::error::Diagnostic;
use serde::Deserialize;
use std::path::Path;

/// One line of a JSONL article file. Fields other than these are ignored, so annotated
/// corpora (PolNeAR) load as they are; `publisher` and `publication_date` are accepted as
/// other names of `outlet` and `published`.
#[derive(Deserialize)]
struct Line {
    id: Option<String>,
    title: Option<String>,
    #[serde(alias = "publisher")]
    outlet: Option<String>,
    url: Option<String>,
    #[serde(alias = "publication_date")]
    published: Option<String>,
    byline: Option<String>,
    text: String,
}

/// Parses a JSONL file: each good line gives an article, each bad line a diagnostic with
/// its line and column. An article without an id gets `STEM-LINE`.
pub(super) fn parse(
    rel: &Path,
    shown: &Path,
    stem: &str,
    text: &str,
) -> (Vec<Article>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let lineno = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let rec: Line = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                diags.push(Diagnostic::at(
                    shown,
                    lineno,
                    e.column(),
                    format!("malformed JSON article: {e}")
                        .split(" at line ")
                        .next()
                        .unwrap_or("malformed JSON article")
                        .to_string(),
                ));
                continue;
            }
        };
        if rec.text.trim().is_empty() {
            diags.push(Diagnostic::at(shown, lineno, 1, "article has no text"));
            continue;
        }
        let mut a = Article::new(
            rec.id.unwrap_or_else(|| format!("{stem}-{lineno}")),
            rec.text,
        );
        a.path = rel.to_path_buf();
        a.title = rec.title;
        a.outlet = rec.outlet;
        a.url = rec.url;
        a.byline = rec.byline;
        if let Some(p) = rec.published {
            a.published = frontmatter::parse_date(&p);
            if a.published.is_none() {
                diags.push(Diagnostic::at(
                    shown,
                    lineno,
                    1,
                    format!("published date {p:?} is not a date; left unknown"),
                ));
            }
        }
        out.push(a);
    }
    (out, diags)
}
