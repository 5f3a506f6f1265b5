//! Span JSONL: documents with attribution spans, one JSON object a line, in PolNeAR's
//! schema. Gold files carry each document's text; prediction files may leave it out.
//!
//! ```text
//! {"id": ..., "text": ... (gold only), "attributions": [{"source": [[s,e],..],
//!  "cue": [[s,e],..], "content": [[s,e],..]}]}
//! ```
//!
//! Offsets are UTF-8 byte offsets into the text, end-exclusive. A role is a list of
//! fragments, as PolNeAR's spans may be discontinuous.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// One document in the span JSONL schema (gold or prediction).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanDoc {
    /// Document identifier; predictions are matched to gold by this id.
    pub id: String,
    /// Document text; required in gold, optional in predictions and left out
    /// of the output when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The attribution relations of the document.
    pub attributions: Vec<SpanAttribution>,
}

/// One attribution relation: each role is a list of `[start, end)` UTF-8 byte
/// ranges into the gold text. A missing role key reads as an empty list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanAttribution {
    /// Fragments naming who is quoted or paraphrased.
    #[serde(default)]
    pub source: Vec<[usize; 2]>,
    /// Fragments of the attribution cue (usually the reporting verb).
    #[serde(default)]
    pub cue: Vec<[usize; 2]>,
    /// Fragments of the attributed content.
    #[serde(default)]
    pub content: Vec<[usize; 2]>,
}

/// Reads a span JSONL file. Blank lines are skipped; fields other than `id`,
/// `text` and `attributions` are ignored. Errors name the file and the line: a line that
/// is not such a document, an id met on an earlier line, and, in a document with its text,
/// a span that is reversed, reaches past the text's end or starts or ends inside a
/// character.
pub fn read_jsonl(path: &Path) -> Result<Vec<SpanDoc>, String> {
    let bytes = super::read_data(path)?;
    let mut docs = Vec::new();
    let mut first: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        let at = |what: String| format!("{}:{line_no}: {what}", path.display());
        let line = std::str::from_utf8(line).map_err(|e| at(format!("invalid UTF-8: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: SpanDoc = serde_json::from_str(line).map_err(|e| at(e.to_string()))?;
        if let Some(before) = first.insert(doc.id.clone(), line_no) {
            return Err(at(format!(
                "document id {:?} repeated (first on line {before})",
                doc.id
            )));
        }
        if let Some(text) = &doc.text {
            check_spans(text, &doc.attributions).map_err(at)?;
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// Checks that every span of `attributions` is a forward range of `text` on character
/// boundaries; the first that is not is described with its place.
pub fn check_spans(text: &str, attributions: &[SpanAttribution]) -> Result<(), String> {
    for (i, a) in attributions.iter().enumerate() {
        for (role, spans) in [
            ("source", &a.source),
            ("cue", &a.cue),
            ("content", &a.content),
        ] {
            for &[s, e] in spans.iter() {
                let problem = if s > e {
                    Some("is reversed (start after end)".to_string())
                } else if e > text.len() {
                    Some(format!(
                        "reaches past the text's end ({} bytes)",
                        text.len()
                    ))
                } else if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                    Some("starts or ends inside a character".to_string())
                } else {
                    None
                };
                if let Some(p) = problem {
                    return Err(format!("attribution {}, {role} span [{s}, {e}] {p}", i + 1));
                }
            }
        }
    }
    Ok(())
}

/// Writes documents as span JSONL, one per line, replacing `path` atomically
/// (the lines go to a temporary file in the same folder, which is then
/// renamed over `path`).
pub fn write_jsonl(path: &Path, docs: &[SpanDoc]) -> Result<(), String> {
    let mut out = Vec::new();
    for doc in docs {
        serde_json::to_writer(&mut out, doc).map_err(|e| format!("{}: {e}", path.display()))?;
        out.push(b'\n');
    }
    crate::output::write_atomic(path, &out).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_gold_spans_are_named_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.jsonl");
        let good = r#"{"id": "a", "text": "Ana said é.", "attributions": [{"source": [[0, 3]], "cue": [[4, 8]], "content": [[9, 11]]}]}"#;
        std::fs::write(&path, format!("{good}\n")).unwrap();
        assert_eq!(read_jsonl(&path).unwrap().len(), 1);
        for (bad, want) in [
            (r#""cue": [[8, 4]]"#, "cue span [8, 4] is reversed"),
            (
                r#""cue": [[4, 99]]"#,
                "cue span [4, 99] reaches past the text's end (12 bytes)",
            ),
            (
                r#""cue": [[4, 10]]"#,
                "cue span [4, 10] starts or ends inside a character",
            ),
        ] {
            let line = good.replace(r#""cue": [[4, 8]]"#, bad);
            std::fs::write(&path, format!("\n{line}\n")).unwrap();
            let err = read_jsonl(&path).unwrap_err();
            assert!(err.contains("gold.jsonl:2: attribution 1, "), "{err}");
            assert!(err.contains(want), "{err}");
        }
        std::fs::write(&path, format!("{good}\n{good}\n")).unwrap();
        let err = read_jsonl(&path).unwrap_err();
        assert!(
            err.ends_with("gold.jsonl:2: document id \"a\" repeated (first on line 1)"),
            "{err}"
        );
    }
}
