//! Front matter of Markdown and text articles: TOML between `+++` lines or YAML between
//! `---` lines.

use crate::error::Diagnostic;
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde::Deserialize;
use std::path::Path;

/// The metadata an article's front matter may give.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Article id.
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Publication date (`2024-03-07`) or date and time (RFC 3339).
    pub published: Option<String>,
    /// Author line.
    pub byline: Option<String>,
}

/// Front matter split off a document: the metadata and the byte offset where the body
/// starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Split {
    /// The parsed metadata (all `None` when there is no front matter).
    pub meta: FrontMatter,
    /// Byte offset of the body in the document.
    pub body_start: usize,
}

/// Splits off and parses the front matter of `doc`, if it has any.
///
/// Errors carry the line and column in the file (not in the front matter block).
pub fn split(path: &Path, doc: &str) -> Result<Split, Diagnostic> {
    let doc_nobom = doc.strip_prefix('\u{feff}').unwrap_or(doc);
    let bom = doc.len() - doc_nobom.len();
    let first_line = doc_nobom.lines().next().unwrap_or("");
    let fence = match first_line.trim_end() {
        "+++" => "+++",
        "---" => "---",
        _ => {
            return Ok(Split::default());
        }
    };
    let open_end = doc[bom..].find('\n').map_or(doc.len(), |p| bom + p + 1);
    let mut offset = open_end;
    let mut close: Option<(usize, usize)> = None;
    for line in doc[open_end..].split_inclusive('\n') {
        if line.trim_end() == fence {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((block_end, body_start)) = close else {
        return Err(Diagnostic::at(
            path,
            1,
            1,
            format!("front matter opened with '{fence}' on line 1 is never closed"),
        ));
    };
    let block = &doc[open_end..block_end];
    let line_base = 1; // the block starts on line 2
    let meta: FrontMatter = if fence == "+++" {
        toml::from_str(block).map_err(|e| {
            let (l, c) = e
                .span()
                .map_or((1, 1), |s| crate::text::span::line_col(block, s.start));
            Diagnostic::at(
                path,
                l + line_base,
                c,
                format!(
                    "malformed TOML front matter: {}",
                    first_line_of(e.message())
                ),
            )
        })?
    } else if block.trim().is_empty() {
        FrontMatter::default()
    } else {
        serde_yaml_ng::from_str(block).map_err(|e| {
            let (l, c) = e.location().map_or((1, 1), |m| (m.line(), m.column()));
            Diagnostic::at(
                path,
                l + line_base,
                c,
                format!(
                    "malformed YAML front matter: {}",
                    first_line_of(&strip_location(&e.to_string()))
                ),
            )
        })?
    };
    if let Some(p) = &meta.published {
        if parse_date(p).is_none() {
            let off = block.find(p.as_str()).unwrap_or(0);
            let (l, c) = crate::text::span::line_col(block, off);
            return Err(Diagnostic::at(
                path,
                l + line_base,
                c,
                format!("published date {p:?} is not a date (expected YYYY-MM-DD or RFC 3339)"),
            ));
        }
    }
    Ok(Split { meta, body_start })
}

fn first_line_of(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

fn strip_location(s: &str) -> String {
    match s.find(" at line ") {
        Some(p) => s[..p].to_string(),
        None => s.to_string(),
    }
}

/// Parses a publication date: `YYYY-MM-DD`, an RFC 3339 date-time, or `YYYY-MM-DDTHH:MM:SS`
/// without an offset. Only the date is kept.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    for f in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d.date());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_yaml() {
        let p = Path::new("a.md");
        let doc = "+++\nid = \"x\"\npublished = \"2024-03-07\"\n+++\nBody.";
        let s = split(p, doc).unwrap();
        assert_eq!(s.meta.id.as_deref(), Some("x"));
        assert_eq!(&doc[s.body_start..], "Body.");
        let doc =
            "---\ntitle: Hello\noutlet: Example Times\npublished: 2024-03-07T10:00:00Z\n---\nBody.";
        let s = split(p, doc).unwrap();
        assert_eq!(s.meta.outlet.as_deref(), Some("Example Times"));
        assert_eq!(&doc[s.body_start..], "Body.");
        assert_eq!(
            parse_date(s.meta.published.as_deref().unwrap()),
            NaiveDate::from_ymd_opt(2024, 3, 7)
        );
        let s = split(p, "No front matter.").unwrap();
        assert_eq!(s, Split::default());
    }

    #[test]
    fn errors_point_into_the_file() {
        let p = Path::new("a.md");
        let e = split(p, "+++\nid = \"x\"\ntitle = \n+++\nBody").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("TOML"), "{e}");
        let e = split(p, "---\ntitle: [unclosed\n---\nBody").unwrap_err();
        assert!(e.message.contains("YAML"), "{e}");
        assert!(e.line.unwrap() >= 2, "{e}");
        let e = split(p, "---\ntitle: x\nBody without a closing fence").unwrap_err();
        assert!(e.message.contains("never closed"), "{e}");
        let e = split(p, "+++\npublished = \"last week\"\n+++\nBody").unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(14)), "{e}");
        let e = split(p, "+++\npublisher = \"x\"\n+++\nBody").unwrap_err();
        assert!(e.message.contains("unknown field"), "{e}");
    }
}
