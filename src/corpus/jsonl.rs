//! JSONL articles: one JSON object a line, for bulk input.

use super::{Article, RawMeta};
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
        if let Err(m) = a.set_meta(RawMeta {
            title: rec.title,
            outlet: rec.outlet,
            url: rec.url,
            published: rec.published,
            byline: rec.byline,
        }) {
            diags.push(Diagnostic::at(shown, lineno, 1, m));
        }
        out.push(a);
    }
    (out, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_lines_load_and_bad_lines_are_named() {
        let text = concat!(
            "{\"id\": \"a\", \"text\": \"The mayor said the bridge is safe.\", \"publisher\": \"Valdera Courier\", \"publication_date\": \"2031-05-02\"}\n",
            "\n",
            "{\"id\": \"b\", \"text\": \n",
            "{\"text\": \"Officials said the port will reopen.\", \"published\": \"soon\"}\n",
            "{\"id\": \"d\", \"text\": \"   \"}\n",
        );
        let p = Path::new("bulk.jsonl");
        let (arts, diags) = parse(p, p, "bulk", text);
        let ids: Vec<&str> = arts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "bulk-4"]);
        assert_eq!(arts[0].outlet.as_deref(), Some("Valdera Courier"));
        assert_eq!(
            arts[0].published.map(|d| d.to_string()).as_deref(),
            Some("2031-05-02")
        );
        assert_eq!(arts[1].published, None);
        let lines: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(
            lines[0].starts_with("bulk.jsonl:3:") && lines[0].contains("malformed JSON"),
            "{lines:?}"
        );
        assert!(
            lines[1].starts_with("bulk.jsonl:4:1: publication date \"soon\""),
            "{lines:?}"
        );
        assert!(
            lines[2].starts_with("bulk.jsonl:5:1: article has no text"),
            "{lines:?}"
        );
    }
}
