//! Hedges: words that make a claim less than a plain assertion.

use crate::text::tokens::words;
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// A hedge found in or around a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hedge {
    /// Where it stands.
    pub span: Span,
    /// The hedge word or phrase, lower case.
    pub cue: String,
}

/// Single hedge words.
const WORDS: &[&str] = &[
    "allegedly",
    "apparent",
    "apparently",
    "appear",
    "appeared",
    "appears",
    "could",
    "likely",
    "may",
    "might",
    "perhaps",
    "possible",
    "possibly",
    "presumably",
    "purportedly",
    "reportedly",
    "reputedly",
    "seemingly",
    "seems",
    "supposedly",
    "unconfirmed",
    "unclear",
    "unverified",
];

/// The hedges in `spans` of `text`, in text order.
pub fn find(text: &str, spans: &[Span]) -> Vec<Hedge> {
    let mut out = Vec::new();
    for s in spans {
        let ws = words(text, *s);
        for (i, w) in ws.iter().enumerate() {
            let lower = w.text.to_lowercase().replace('’', "'");
            // "it's possible that" is one hedge, reported at "possible"
            if WORDS.contains(&lower.as_str()) {
                let phrase = if lower == "possible"
                    && i >= 1
                    && matches!(
                        ws[i - 1].text.to_lowercase().replace('’', "'").as_str(),
                        "it's" | "is"
                    ) {
                    "it's possible that".to_string()
                } else {
                    lower
                };
                out.push(Hedge {
                    span: w.span,
                    cue: phrase,
                });
            }
        }
    }
    out.sort_by_key(|h| h.span);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hedges() {
        let t = "She reportedly said it’s possible that the threats may be linked.";
        let h: Vec<String> = find(t, &[Span::new(0, t.len())])
            .into_iter()
            .map(|h| h.cue)
            .collect();
        assert_eq!(h, ["reportedly", "it's possible that", "may"]);
        assert!(find("The FSB stated the facts.", &[Span::new(0, 25)]).is_empty());
    }
}
