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
    #[serde(
        alias = "publication_date",
        default,
        deserialize_with = "super::frontmatter::published_value"
    )]
    published: Option<String>,
    byline: Option<String>,
    text: String,
}

/// Parses a JSONL file: each good line gives an article with its line number, each bad
/// line a diagnostic with its line and column. An article without an id gets `STEM-LINE`.
/// A publication date that is no date is left unknown, with a warning naming the line.
pub(super) fn parse(
    rel: &Path,
    shown: &Path,
    stem: &str,
    text: &str,
) -> (Vec<(Article, usize)>, Vec<Diagnostic>) {
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
        let published = rec.published.clone();
        if let Err(m) = a.set_meta(RawMeta {
            title: rec.title,
            outlet: rec.outlet,
            url: rec.url,
            published: rec.published,
            byline: rec.byline,
        }) {
            let col = published
                .as_deref()
                .and_then(|p| value_column(line, p))
                .unwrap_or(1);
            diags.push(Diagnostic::at(shown, lineno, col, m));
        }
        out.push((a, lineno));
    }
    (out, diags)
}

/// The 1-based column (in characters) of the date `value` after a `published` or
/// `publication_date` key in a JSON `line`.
fn value_column(line: &str, value: &str) -> Option<usize> {
    let key = line
        .find("\"published\"")
        .or_else(|| line.find("\"publication_date\""))?;
    let at = key + line[key..].find(value)?;
    Some(line[..at].chars().count() + 1)
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
        let ids: Vec<&str> = arts.iter().map(|(a, _)| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "bulk-4"]);
        assert_eq!(arts.iter().map(|(_, l)| *l).collect::<Vec<_>>(), [1, 4]);
        let arts: Vec<Article> = arts.into_iter().map(|(a, _)| a).collect();
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
            lines[1].starts_with("bulk.jsonl:4:64: published date \"soon\" is not a date"),
            "{lines:?}"
        );
        assert!(
            lines[2].starts_with("bulk.jsonl:5:1: article has no text"),
            "{lines:?}"
        );
    }

    #[test]
    fn dates_of_every_kind() {
        let text = concat!(
            "{\"text\": \"A said so.\", \"published\": 20240307}\n",
            "{\"text\": \"B said so.\", \"published\": \"+262142-12-31\"}\n",
            "{\"text\": \"C said so.\", \"published\": null}\n",
            "{\"text\": \"E said so.\", \"published\": {\"y\": [2024]}}\n",
            "{\"text\": \"D said so.\", \"published\": \"2024-03-07T10:00:00Z\"}\n",
        );
        let p = Path::new("b.jsonl");
        let (arts, diags) = parse(p, p, "b", text);
        assert_eq!(arts.len(), 5, "{diags:?}");
        let dates: Vec<Option<String>> = arts
            .iter()
            .map(|(a, _)| a.published.map(|d| d.to_string()))
            .collect();
        assert_eq!(dates, [None, None, None, None, Some("2024-03-07".into())]);
        let lines: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[2].starts_with("b.jsonl:4:") && lines[2].contains("\"(a map)\""));
        assert!(lines[0].starts_with("b.jsonl:1:") && lines[0].contains("\"20240307\""));
        assert!(lines[1].starts_with("b.jsonl:2:") && lines[1].contains("+262142-12-31"));
    }
}
