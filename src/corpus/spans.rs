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
/// `text` and `attributions` are ignored. Errors name the file and the line.
pub fn read_jsonl(path: &Path) -> Result<Vec<SpanDoc>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        let line = std::str::from_utf8(line)
            .map_err(|e| format!("{}:{line_no}: invalid UTF-8: {e}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: SpanDoc =
            serde_json::from_str(line).map_err(|e| format!("{}:{line_no}: {e}", path.display()))?;
        docs.push(doc);
    }
    Ok(docs)
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
